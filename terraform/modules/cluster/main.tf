# One region's Kubernetes: a VPC over three availability zones, an EKS cluster whose API endpoint is private (or open
# only to the CIDRs given), managed node groups spread over the three zones (Elasticsearch: one group per zone, so
# each zone's EBS volumes always find a node there), IRSA, secrets encrypted with a customer-managed key, and the
# EKS add-ons with pinned versions, the EBS CSI driver among them with its own role.

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  # Exactly three zones: the chart spreads the API and the Elasticsearch nodes over three.
  azs = slice(sort(data.aws_availability_zones.available.names), 0, 3)

  elasticsearch_node_groups = {
    for index, az in local.azs : "elasticsearch-${az}" => {
      instance_types = var.elasticsearch_instance_types
      min_size       = 1
      max_size       = 3
      desired_size   = 1
      subnet_ids     = [module.vpc.private_subnets[index]]
      labels         = { "marquee.io/pool" = "elasticsearch" }
      taints = {
        elasticsearch = { key = "marquee.io/pool", value = "elasticsearch", effect = "NO_SCHEDULE" }
      }
      block_device_mappings = local.encrypted_root
    }
  }

  encrypted_root = {
    root = {
      device_name = "/dev/xvda"
      ebs         = { volume_size = 50, volume_type = "gp3", encrypted = true, delete_on_termination = true }
    }
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.19.0"

  name                   = var.name
  cidr                   = var.cidr
  azs                    = local.azs
  private_subnets        = [for index, az in local.azs : cidrsubnet(var.cidr, 4, index)]
  public_subnets         = [for index, az in local.azs : cidrsubnet(var.cidr, 8, 48 + index)]
  enable_nat_gateway     = true
  one_nat_gateway_per_az = true
  enable_dns_hostnames   = true

  enable_flow_log                                 = true
  create_flow_log_cloudwatch_log_group            = true
  create_flow_log_cloudwatch_iam_role             = true
  flow_log_cloudwatch_log_group_retention_in_days = 90

  # Where the AWS Load Balancer Controller puts internet-facing and internal load balancers.
  public_subnet_tags  = { "kubernetes.io/role/elb" = 1 }
  private_subnet_tags = { "kubernetes.io/role/internal-elb" = 1 }
  tags                = var.tags
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.33.1"

  cluster_name    = var.name
  cluster_version = var.kubernetes_version
  vpc_id          = module.vpc.vpc_id
  subnet_ids      = module.vpc.private_subnets

  cluster_endpoint_private_access      = true
  cluster_endpoint_public_access       = length(var.endpoint_public_cidrs) > 0
  cluster_endpoint_public_access_cidrs = var.endpoint_public_cidrs

  enable_irsa               = true
  create_kms_key            = true
  cluster_encryption_config = { resources = ["secrets"] }
  cluster_enabled_log_types = ["api", "audit", "authenticator"]

  authentication_mode                      = "API"
  enable_cluster_creator_admin_permissions = false
  access_entries = {
    pipeline = {
      principal_arn = var.pipeline_role_arn
      policy_associations = {
        admin = {
          policy_arn   = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
  }

  cluster_addons = {
    coredns    = { addon_version = var.addon_versions.coredns }
    kube-proxy = { addon_version = var.addon_versions.kube_proxy }
    vpc-cni    = { addon_version = var.addon_versions.vpc_cni, before_compute = true }
    aws-ebs-csi-driver = {
      addon_version            = var.addon_versions.ebs_csi_driver
      service_account_role_arn = module.ebs_csi_role.iam_role_arn
    }
  }

  eks_managed_node_groups = merge(local.elasticsearch_node_groups, {
    # The API, the indexer, and the add-ons: one group over all three zones.
    apps = {
      instance_types        = var.app_instance_types
      min_size              = 3
      max_size              = 12
      desired_size          = 3
      subnet_ids            = module.vpc.private_subnets
      labels                = { "marquee.io/pool" = "apps" }
      block_device_mappings = local.encrypted_root
    }
  })

  tags = var.tags
}

module "ebs_csi_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.52.2"

  role_name             = "${var.name}-ebs-csi"
  attach_ebs_csi_policy = true
  oidc_providers = {
    cluster = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:ebs-csi-controller-sa"]
    }
  }
  tags = var.tags
}

module "load_balancer_controller_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.52.2"

  role_name                              = "${var.name}-load-balancer-controller"
  attach_load_balancer_controller_policy = true
  oidc_providers = {
    cluster = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-load-balancer-controller"]
    }
  }
  tags = var.tags
}

module "external_secrets_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.52.2"

  role_name                      = "${var.name}-external-secrets"
  attach_external_secrets_policy = true
  # Only the application's own secrets (docs/deployment.md: marquee/<environment>/...).
  external_secrets_secrets_manager_arns = ["arn:aws:secretsmanager:${var.region}:${data.aws_caller_identity.current.account_id}:secret:${var.secrets_prefix}/*"]
  oidc_providers = {
    cluster = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["external-secrets:external-secrets"]
    }
  }
  tags = var.tags
}

data "aws_caller_identity" "current" {}
