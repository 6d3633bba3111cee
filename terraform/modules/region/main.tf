# Everything one region needs outside Kubernetes: its bucket, its queues, and its workloads' roles.

module "storage" {
  source            = "../storage"
  name              = var.name
  region            = var.region
  providers_allowed = var.providers_allowed
  tags              = var.tags
}

module "queue" {
  source     = "../queue"
  name       = var.name
  region     = var.region
  bucket     = module.storage.bucket
  bucket_arn = module.storage.bucket_arn
  tags       = var.tags
}

module "iam" {
  source                = "../iam"
  name                  = var.name
  region                = var.region
  oidc_provider_arn     = var.oidc_provider_arn
  oidc_provider_url     = var.oidc_provider_url
  bucket_arn            = module.storage.bucket_arn
  bucket_kms_key_arn    = module.storage.kms_key_arn
  queue_arn             = module.queue.queue_arn
  dead_letter_queue_arn = module.queue.dead_letter_queue_arn
  queue_kms_key_arn     = module.queue.kms_key_arn
  tags                  = var.tags
}
