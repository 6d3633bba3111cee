# Everything one region needs: its cluster (VPC, EKS, node groups over three zones, IRSA), its bucket, queues and
# quarantine topics, its workloads' roles, and the certificate of the API's load balancer. The add-ons inside the
# cluster are modules/addons, applied with a helm provider configured from this module's outputs.

module "cluster" {
  source                = "../cluster"
  name                  = "${var.name}-${var.region}"
  region                = var.region
  cidr                  = var.cidr
  endpoint_public_cidrs = var.endpoint_public_cidrs
  pipeline_role_arn     = var.pipeline_role_arn
  secrets_prefix        = var.secrets_prefix
  tags                  = var.tags
}

module "storage" {
  source            = "../storage"
  name              = var.name
  region            = var.region
  providers_allowed = var.providers_allowed
  tags              = var.tags
}

module "queue" {
  source                = "../queue"
  name                  = var.name
  region                = var.region
  bucket                = module.storage.bucket
  bucket_arn            = module.storage.bucket_arn
  quarantine_topic_arns = module.storage.quarantine_topic_arns
  tags                  = var.tags
}

module "iam" {
  source                = "../iam"
  name                  = var.name
  region                = var.region
  oidc_provider_arn     = module.cluster.oidc_provider_arn
  oidc_provider_url     = module.cluster.oidc_provider_url
  bucket_arn            = module.storage.bucket_arn
  bucket_kms_key_arn    = module.storage.kms_key_arn
  queue_arn             = module.queue.queue_arn
  dead_letter_queue_arn = module.queue.dead_letter_queue_arn
  queue_kms_key_arn     = module.queue.kms_key_arn
  tags                  = var.tags
}

# The load balancer answers for the public name (CloudFront forwards the viewer's Host), for its own regional name
# (smoke tests, operators) and for the latency-routed origin name CloudFront resolves.
module "certificate" {
  source            = "../certificate"
  domain_name       = var.record_name
  alternative_names = ["${var.region}.${var.record_name}", "origin.${var.record_name}"]
  zone_id           = var.zone_id
  tags              = var.tags
}
