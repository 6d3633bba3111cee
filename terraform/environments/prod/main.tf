# Production: two regions, each with its own bucket, queues and roles; each region's deliveries replicated to the
# other; clients routed to the nearest healthy region.

locals {
  name = "marquee-prod"
  tags = {
    application = "marquee"
    environment = "prod"
    managed-by  = "terraform"
  }
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
  default_tags {
    tags = local.tags
  }
}

provider "aws" {
  alias  = "eu_west_1"
  region = "eu-west-1"
  default_tags {
    tags = local.tags
  }
}

module "us_east_1" {
  source            = "../../modules/region"
  providers         = { aws = aws.us_east_1 }
  name              = local.name
  region            = "us-east-1"
  providers_allowed = var.providers_allowed
  oidc_provider_arn = var.clusters["us-east-1"].oidc_provider_arn
  oidc_provider_url = var.clusters["us-east-1"].oidc_provider_url
}

module "eu_west_1" {
  source            = "../../modules/region"
  providers         = { aws = aws.eu_west_1 }
  name              = local.name
  region            = "eu-west-1"
  providers_allowed = var.providers_allowed
  oidc_provider_arn = var.clusters["eu-west-1"].oidc_provider_arn
  oidc_provider_url = var.clusters["eu-west-1"].oidc_provider_url
}

# Providers deliver to either region; each region copies its deliveries to the other (replicas are not copied back).
module "replicate_us_east_1_to_eu_west_1" {
  source                  = "../../modules/replication"
  providers               = { aws = aws.us_east_1 }
  name                    = "${local.name}-replicate-us-east-1"
  source_bucket           = module.us_east_1.bucket
  source_bucket_arn       = module.us_east_1.bucket_arn
  source_kms_key_arn      = module.us_east_1.bucket_kms_key_arn
  destination_bucket_arn  = module.eu_west_1.bucket_arn
  destination_kms_key_arn = module.eu_west_1.bucket_kms_key_arn
}

module "replicate_eu_west_1_to_us_east_1" {
  source                  = "../../modules/replication"
  providers               = { aws = aws.eu_west_1 }
  name                    = "${local.name}-replicate-eu-west-1"
  source_bucket           = module.eu_west_1.bucket
  source_bucket_arn       = module.eu_west_1.bucket_arn
  source_kms_key_arn      = module.eu_west_1.bucket_kms_key_arn
  destination_bucket_arn  = module.us_east_1.bucket_arn
  destination_kms_key_arn = module.us_east_1.bucket_kms_key_arn
}

module "dns" {
  source      = "../../modules/dns"
  providers   = { aws = aws.us_east_1 }
  zone_id     = var.zone_id
  record_name = var.record_name
  regions     = var.load_balancers
}
