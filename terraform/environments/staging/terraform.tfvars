# The account-specific inputs of staging; replace with the real ones (see docs/deployment.md).
providers_allowed = {
  wikipedia = ["arn:aws:iam::210987654321:role/wikipedia-movie-data-staging-delivery"]
}
pipeline_role_arn = "arn:aws:iam::123456789012:role/marquee-pipeline"
zone_id           = "Z0123456789EXAMPLE"
record_name       = "api.staging.marquee.example.com"

load_balancers = {
  "us-east-1" = {
    load_balancer_dns_name = "marquee-staging-us-east-1-1234567890.us-east-1.elb.amazonaws.com"
    load_balancer_zone_id  = "Z35SXDOTRQ7X7K"
  }
}
