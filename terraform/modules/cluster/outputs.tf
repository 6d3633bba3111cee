output "cluster_name" {
  description = "The EKS cluster's name"
  value       = module.eks.cluster_name
}

output "cluster_endpoint" {
  description = "The cluster's API endpoint, for the helm provider"
  value       = module.eks.cluster_endpoint
}

output "cluster_certificate_authority_data" {
  description = "The cluster's CA, base64, for the helm provider"
  value       = module.eks.cluster_certificate_authority_data
}

output "oidc_provider_arn" {
  description = "The cluster's IAM OIDC provider (IRSA)"
  value       = module.eks.oidc_provider_arn
}

output "oidc_provider_url" {
  description = "The OIDC issuer without https://"
  value       = replace(module.eks.cluster_oidc_issuer_url, "https://", "")
}

output "vpc_id" {
  description = "The VPC"
  value       = module.vpc.vpc_id
}

output "load_balancer_controller_role_arn" {
  description = "The AWS Load Balancer Controller's IRSA role"
  value       = module.load_balancer_controller_role.iam_role_arn
}

output "external_secrets_role_arn" {
  description = "external-secrets' IRSA role"
  value       = module.external_secrets_role.iam_role_arn
}
