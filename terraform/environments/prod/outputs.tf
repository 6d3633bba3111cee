output "regions" {
  description = "Per region, the chart values Terraform owns (see docs/deployment.md)"
  value = {
    "us-east-1" = {
      bucket                = module.us_east_1.bucket
      queue_url             = module.us_east_1.queue_url
      dead_letter_queue_url = module.us_east_1.dead_letter_queue_url
      api_role_arn          = module.us_east_1.api_role_arn
      indexer_role_arn      = module.us_east_1.indexer_role_arn
      cluster_name          = module.us_east_1.cluster.name
    }
    "eu-west-1" = {
      bucket                = module.eu_west_1.bucket
      queue_url             = module.eu_west_1.queue_url
      dead_letter_queue_url = module.eu_west_1.dead_letter_queue_url
      api_role_arn          = module.eu_west_1.api_role_arn
      indexer_role_arn      = module.eu_west_1.indexer_role_arn
      cluster_name          = module.eu_west_1.cluster.name
    }
  }
}

output "health_check_ids" {
  description = "Each region's Route 53 health check: invert one to drain its region (docs/runbooks/region-failover.md)"
  value       = module.dns.health_check_ids
}

output "edge_domain_name" {
  description = "CloudFront's own name for the API's distribution (smoke tests through the edge, past DNS)"
  value       = module.edge.distribution_domain_name
}
