# Staging: one region, the same modules as production, so every change to them is applied here first.

provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = {
      application = "marquee"
      environment = "staging"
      managed-by  = "terraform"
    }
  }
}

module "us_east_1" {
  source            = "../../modules/region"
  name              = "marquee-staging"
  region            = "us-east-1"
  providers_allowed = var.providers_allowed
  oidc_provider_arn = var.oidc_provider_arn
  oidc_provider_url = var.oidc_provider_url
}

output "chart_values" {
  description = "The chart values Terraform owns (values-staging.yaml)"
  value = {
    bucket                = module.us_east_1.bucket
    queue_url             = module.us_east_1.queue_url
    dead_letter_queue_url = module.us_east_1.dead_letter_queue_url
    api_role_arn          = module.us_east_1.api_role_arn
    indexer_role_arn      = module.us_east_1.indexer_role_arn
  }
}
