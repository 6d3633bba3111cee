variable "name" {
  description = "Prefix of every resource name, e.g. marquee-prod"
  type        = string
}

variable "region" {
  description = "The AWS region"
  type        = string
}

variable "providers_allowed" {
  description = "Data providers and the AWS principals allowed to deliver as each"
  type        = map(list(string))
}

variable "oidc_provider_arn" {
  description = "The region's EKS cluster OIDC provider"
  type        = string
}

variable "oidc_provider_url" {
  description = "The OIDC issuer URL without https://"
  type        = string
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
