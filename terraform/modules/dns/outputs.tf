output "health_check_ids" {
  description = "Each region's health check"
  value       = { for region, check in aws_route53_health_check.region : region => check.id }
}
