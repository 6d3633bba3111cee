output "health_check_ids" {
  description = "Each region's health check"
  value       = { for region, check in aws_route53_health_check.region : region => check.id }
}

output "origin_name" {
  description = "The latency-routed name of the regions' load balancers: CloudFront's origin"
  value       = "origin.${var.record_name}"
}
