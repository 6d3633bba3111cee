variable "providers_allowed" {
  description = "Data providers and the AWS principals allowed to deliver as each"
  type        = map(list(string))
}

variable "oidc_provider_arn" {
  description = "The staging EKS cluster's IAM OIDC provider"
  type        = string
}

variable "oidc_provider_url" {
  description = "Its issuer URL without https://"
  type        = string
}
