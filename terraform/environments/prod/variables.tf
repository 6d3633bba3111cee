variable "providers_allowed" {
  description = "Data providers and the AWS principals allowed to deliver as each"
  type        = map(list(string))
}

variable "pipeline_role_arn" {
  description = "The role the pipeline runs Terraform and Helm with: the clusters' only administrator"
  type        = string
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
  description = "Each region's API load balancer (created by the chart's ingress, named by its load-balancer-name annotation): DNS name and hosted zone id"
  type = map(object({
    load_balancer_dns_name = string
    load_balancer_zone_id  = string
  }))
}
