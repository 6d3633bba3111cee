output "distribution_domain_name" {
  description = "CloudFront's own name for the distribution, for smoke tests past DNS"
  value       = aws_cloudfront_distribution.api.domain_name
}

output "web_acl_arn" {
  description = "The WAF web ACL in front of the API"
  value       = aws_wafv2_web_acl.edge.arn
}
