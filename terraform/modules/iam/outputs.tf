output "api_role_arn" {
  description = "For the chart's api.serviceAccount.roleArn"
  value       = aws_iam_role.api.arn
}

output "indexer_role_arn" {
  description = "For the chart's indexer.serviceAccount.roleArn"
  value       = aws_iam_role.indexer.arn
}

output "keda_role_arn" {
  description = "The KEDA operator's role (modules/addons)"
  value       = aws_iam_role.keda.arn
}
