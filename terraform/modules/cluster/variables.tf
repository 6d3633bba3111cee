variable "name" {
  description = "The cluster's name and the prefix of its resources, e.g. marquee-prod-us-east-1"
  type        = string
}

variable "region" {
  description = "The AWS region"
  type        = string
}

variable "cidr" {
  description = "The VPC's address range"
  type        = string
  default     = "10.40.0.0/16"
}

variable "kubernetes_version" {
  description = "The EKS Kubernetes version"
  type        = string
  default     = "1.31"
}

variable "addon_versions" {
  description = "The EKS add-ons' versions, pinned (aws eks describe-addon-versions lists those for a Kubernetes version)"
  type = object({
    coredns        = string
    kube_proxy     = string
    vpc_cni        = string
    ebs_csi_driver = string
  })
  default = {
    coredns        = "v1.11.4-eksbuild.2"
    kube_proxy     = "v1.31.3-eksbuild.2"
    vpc_cni        = "v1.19.2-eksbuild.1"
    ebs_csi_driver = "v1.38.1-eksbuild.2"
  }
}

variable "endpoint_public_cidrs" {
  description = "CIDRs that may reach the cluster's API endpoint from outside the VPC; empty (the default) keeps it private"
  type        = list(string)
  default     = []
}

variable "pipeline_role_arn" {
  description = "The role the pipeline deploys with: the one principal with cluster-admin access"
  type        = string
}

variable "elasticsearch_instance_types" {
  description = "Instance types of the Elasticsearch node groups (one group per zone)"
  type        = list(string)
  default     = ["r6i.xlarge"]
}

variable "app_instance_types" {
  description = "Instance types of the group running the API, the indexer and the add-ons"
  type        = list(string)
  default     = ["c6i.xlarge"]
}

variable "secrets_prefix" {
  description = "The Secrets Manager prefix external-secrets may read, e.g. marquee/prod"
  type        = string
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
