variable "providers_allowed" {
  description = "Data providers and the AWS principals allowed to deliver as each"
  type        = map(list(string))
}

variable "clusters" {
  description = "Each region's EKS cluster: its IAM OIDC provider ARN and issuer URL (without https://)"
  type = map(object({
    oidc_provider_arn = string
    oidc_provider_url = string
  }))
}

variable "zone_id" {
  description = "The Route 53 hosted zone of the API's name"
  type        = string
}

variable "record_name" {
  description = "The API's public name"
  type        = string
}

variable "load_balancers" {
  description = "Each region's API load balancer (created by the ingress): DNS name and hosted zone id"
  type = map(object({
    load_balancer_dns_name = string
    load_balancer_zone_id  = string
  }))
}
