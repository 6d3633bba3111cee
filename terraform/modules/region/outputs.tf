# The chart's values for this region (values-<env>-<region>.yaml): indexer.bucket, queueUrl, deadLetterQueueUrl and
# the two service accounts' roles.

output "bucket" {
  description = "indexer.bucket"
  value       = module.storage.bucket
}

output "bucket_arn" {
  description = "The bucket's ARN, for replication"
  value       = module.storage.bucket_arn
}

output "bucket_kms_key_arn" {
  description = "The bucket's key, for replication"
  value       = module.storage.kms_key_arn
}

output "queue_url" {
  description = "indexer.queueUrl"
  value       = module.queue.queue_url
}

output "dead_letter_queue_url" {
  description = "indexer.deadLetterQueueUrl"
  value       = module.queue.dead_letter_queue_url
}

output "api_role_arn" {
  description = "api.serviceAccount.roleArn"
  value       = module.iam.api_role_arn
}

output "indexer_role_arn" {
  description = "indexer.serviceAccount.roleArn"
  value       = module.iam.indexer_role_arn
}

output "provider_role_arns" {
  description = "The role each provider assumes to deliver here"
  value       = module.storage.provider_role_arns
}

output "keda_role_arn" {
  description = "The KEDA operator's role (modules/addons)"
  value       = module.iam.keda_role_arn
}

output "cluster" {
  description = "The cluster: what the helm provider and modules/addons need"
  value = {
    name                              = module.cluster.cluster_name
    endpoint                          = module.cluster.cluster_endpoint
    certificate_authority_data        = module.cluster.cluster_certificate_authority_data
    vpc_id                            = module.cluster.vpc_id
    load_balancer_controller_role_arn = module.cluster.load_balancer_controller_role_arn
    external_secrets_role_arn         = module.cluster.external_secrets_role_arn
  }
}

output "certificate_arn" {
  description = "The API load balancer's certificate"
  value       = module.certificate.arn
}
