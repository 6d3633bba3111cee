# Production: two regions, each complete (cluster, add-ons, bucket, queues, roles); each region's deliveries replicated
# to the other; CloudFront and WAF in front, reaching the nearest healthy region through latency records with health
# checks; CloudTrail recording every object-level call on both buckets.

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

# Each cluster's add-ons are installed through its own API endpoint, with a token of the pipeline's role.
provider "helm" {
  alias = "us_east_1"
  kubernetes {
    host                   = module.us_east_1.cluster.endpoint
    cluster_ca_certificate = base64decode(module.us_east_1.cluster.certificate_authority_data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--region", "us-east-1", "--cluster-name", module.us_east_1.cluster.name]
    }
  }
}

provider "helm" {
  alias = "eu_west_1"
  kubernetes {
    host                   = module.eu_west_1.cluster.endpoint
    cluster_ca_certificate = base64decode(module.eu_west_1.cluster.certificate_authority_data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--region", "eu-west-1", "--cluster-name", module.eu_west_1.cluster.name]
    }
  }
}

module "us_east_1" {
  source            = "../../modules/region"
  providers         = { aws = aws.us_east_1 }
  name              = local.name
  region            = "us-east-1"
  cidr              = "10.40.0.0/16"
  providers_allowed = var.providers_allowed
  pipeline_role_arn = var.pipeline_role_arn
  secrets_prefix    = "marquee/prod"
  zone_id           = var.zone_id
  record_name       = var.record_name
  tags              = local.tags
}

module "eu_west_1" {
  source            = "../../modules/region"
  providers         = { aws = aws.eu_west_1 }
  name              = local.name
  region            = "eu-west-1"
  cidr              = "10.41.0.0/16"
  providers_allowed = var.providers_allowed
  pipeline_role_arn = var.pipeline_role_arn
  secrets_prefix    = "marquee/prod"
  zone_id           = var.zone_id
  record_name       = var.record_name
  tags              = local.tags
}

module "us_east_1_addons" {
  source                            = "../../modules/addons"
  providers                         = { helm = helm.us_east_1 }
  cluster_name                      = module.us_east_1.cluster.name
  region                            = "us-east-1"
  vpc_id                            = module.us_east_1.cluster.vpc_id
  load_balancer_controller_role_arn = module.us_east_1.cluster.load_balancer_controller_role_arn
  external_secrets_role_arn         = module.us_east_1.cluster.external_secrets_role_arn
  keda_role_arn                     = module.us_east_1.keda_role_arn
}

module "eu_west_1_addons" {
  source                            = "../../modules/addons"
  providers                         = { helm = helm.eu_west_1 }
  cluster_name                      = module.eu_west_1.cluster.name
  region                            = "eu-west-1"
  vpc_id                            = module.eu_west_1.cluster.vpc_id
  load_balancer_controller_role_arn = module.eu_west_1.cluster.load_balancer_controller_role_arn
  external_secrets_role_arn         = module.eu_west_1.cluster.external_secrets_role_arn
  keda_role_arn                     = module.eu_west_1.keda_role_arn
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

# The regions' load balancers exist once the chart's ingress has made them (the pipeline applies this again after the
# first release; docs/deployment.md).
module "dns" {
  source      = "../../modules/dns"
  providers   = { aws = aws.us_east_1 }
  zone_id     = var.zone_id
  record_name = var.record_name
  regions     = var.load_balancers
}

module "edge" {
  source             = "../../modules/edge"
  providers          = { aws = aws.us_east_1 }
  name               = local.name
  zone_id            = var.zone_id
  record_name        = var.record_name
  origin_domain_name = module.dns.origin_name
  tags               = local.tags
}

module "audit_trail" {
  source      = "../../modules/audit-trail"
  providers   = { aws = aws.us_east_1 }
  name        = local.name
  region      = "us-east-1"
  bucket_arns = [module.us_east_1.bucket_arn, module.eu_west_1.bucket_arn]
  tags        = local.tags
}
