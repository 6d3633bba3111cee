output "bucket" {
  description = "The ingest bucket's name"
  value       = aws_s3_bucket.ingest.bucket
}

output "bucket_arn" {
  description = "The ingest bucket's ARN"
  value       = aws_s3_bucket.ingest.arn
}

output "kms_key_arn" {
  description = "The key every object is encrypted with"
  value       = aws_kms_key.bucket.arn
}

output "provider_role_arns" {
  description = "The role each provider assumes to deliver"
  value       = { for id, role in aws_iam_role.provider : id => role.arn }
}

output "quarantine_topic_arns" {
  description = "Each provider's topic announcing its quarantine records (the provider subscribes to it)"
  value       = { for id, topic in aws_sns_topic.quarantine : id => topic.arn }
}
