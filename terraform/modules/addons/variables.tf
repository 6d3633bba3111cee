variable "cluster_name" {
  description = "The EKS cluster"
  type        = string
}

variable "region" {
  description = "The AWS region"
  type        = string
}

variable "vpc_id" {
  description = "The cluster's VPC (the load balancer controller needs it)"
  type        = string
}

variable "load_balancer_controller_role_arn" {
  description = "The AWS Load Balancer Controller's IRSA role"
  type        = string
}

variable "external_secrets_role_arn" {
  description = "external-secrets' IRSA role"
  type        = string
}

variable "keda_role_arn" {
  description = "The KEDA operator's IRSA role (reads the ingest queue's depth)"
  type        = string
}

variable "chart_versions" {
  description = "The add-ons' Helm chart versions, pinned"
  type = object({
    load_balancer_controller = string
    eck_operator             = string
    keda                     = string
    kube_prometheus_stack    = string
    external_secrets         = string
  })
  default = {
    load_balancer_controller = "1.11.0"
    eck_operator             = "2.16.1"
    keda                     = "2.16.1"
    kube_prometheus_stack    = "68.4.4"
    external_secrets         = "0.13.0"
  }
}
