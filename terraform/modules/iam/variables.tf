variable "name" {
  description = "Prefix of every resource name, e.g. marquee-prod"
  type        = string
}

variable "region" {
  description = "The region of the EKS cluster"
  type        = string
}

variable "oidc_provider_arn" {
  description = "The EKS cluster's IAM OIDC provider (IRSA)"
  type        = string
}

variable "oidc_provider_url" {
  description = "The OIDC issuer URL without https://, e.g. oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE"
  type        = string
}

variable "namespace" {
  description = "The Kubernetes namespace Marquee is installed in"
  type        = string
  default     = "marquee"
}

variable "release" {
  description = "The Helm release name (service accounts are <release>-api and <release>-indexer)"
  type        = string
  default     = "marquee"
}

variable "bucket_arn" {
  description = "The ingest bucket"
  type        = string
}

variable "bucket_kms_key_arn" {
  description = "The bucket's key"
  type        = string
}

variable "queue_arn" {
  description = "The ingest queue"
  type        = string
}

variable "dead_letter_queue_arn" {
  description = "The dead-letter queue"
  type        = string
}

variable "queue_kms_key_arn" {
  description = "The queues' key"
  type        = string
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
