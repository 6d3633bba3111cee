# The account-specific inputs of production; replace with the real ones (see docs/deployment.md).
providers_allowed = {
  wikipedia = ["arn:aws:iam::210987654321:role/wikipedia-movie-data-delivery"]
  kaggle    = ["arn:aws:iam::109876543210:role/kaggle-bundles-delivery"]
}

pipeline_role_arn = "arn:aws:iam::123456789012:role/marquee-pipeline"

zone_id     = "Z0123456789EXAMPLE"
record_name = "api.marquee.example.com"

load_balancers = {
  "us-east-1" = {
    load_balancer_dns_name = "marquee-prod-us-east-1-1234567890.us-east-1.elb.amazonaws.com"
    load_balancer_zone_id  = "Z35SXDOTRQ7X7K"
  }
  "eu-west-1" = {
    load_balancer_dns_name = "marquee-prod-eu-west-1-1234567890.eu-west-1.elb.amazonaws.com"
    load_balancer_zone_id  = "Z32O12XQLNTSW2"
  }
}
