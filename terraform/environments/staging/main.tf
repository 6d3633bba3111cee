# Staging: one region, the same modules as production (cluster, add-ons, bucket, queues, roles, DNS with its health
# check, CloudFront and WAF, the audit trail), so every change to them is applied here first.

locals {
  name = "marquee-staging"
  tags = {
    application = "marquee"
    environment = "staging"
    managed-by  = "terraform"
  }
}

provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = local.tags
  }
}

provider "helm" {
  kubernetes {
    host                   = module.us_east_1.cluster.endpoint
    cluster_ca_certificate = base64decode(module.us_east_1.cluster.certificate_authority_data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--region", "us-east-1", "--cluster-name", module.us_east_1.cluster.name]
    }
  }
}

module "us_east_1" {
  source            = "../../modules/region"
  name              = local.name
  region            = "us-east-1"
  providers_allowed = var.providers_allowed
  pipeline_role_arn = var.pipeline_role_arn
  secrets_prefix    = "marquee/staging"
  zone_id           = var.zone_id
  record_name       = var.record_name
  tags              = local.tags
}

module "us_east_1_addons" {
  source                            = "../../modules/addons"
  cluster_name                      = module.us_east_1.cluster.name
  region                            = "us-east-1"
  vpc_id                            = module.us_east_1.cluster.vpc_id
  load_balancer_controller_role_arn = module.us_east_1.cluster.load_balancer_controller_role_arn
  external_secrets_role_arn         = module.us_east_1.cluster.external_secrets_role_arn
  keda_role_arn                     = module.us_east_1.keda_role_arn
}

module "dns" {
  source      = "../../modules/dns"
  zone_id     = var.zone_id
  record_name = var.record_name
  regions     = var.load_balancers
}

module "edge" {
  source             = "../../modules/edge"
  name               = local.name
  zone_id            = var.zone_id
  record_name        = var.record_name
  origin_domain_name = module.dns.origin_name
  tags               = local.tags
}

module "audit_trail" {
  source      = "../../modules/audit-trail"
  name        = local.name
  region      = "us-east-1"
  bucket_arns = [module.us_east_1.bucket_arn]
  tags        = local.tags
}

output "chart_values" {
  description = "The chart values Terraform owns (values-staging.yaml)"
  value = {
    bucket                = module.us_east_1.bucket
    queue_url             = module.us_east_1.queue_url
    dead_letter_queue_url = module.us_east_1.dead_letter_queue_url
    api_role_arn          = module.us_east_1.api_role_arn
    indexer_role_arn      = module.us_east_1.indexer_role_arn
    cluster_name          = module.us_east_1.cluster.name
  }
}

output "edge_domain_name" {
  description = "CloudFront's own name for the API's distribution"
  value       = module.edge.distribution_domain_name
}
