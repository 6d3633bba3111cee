variable "zone_id" {
  description = "The Route 53 hosted zone of the API's name"
  type        = string
}

variable "record_name" {
  description = "The API's name, e.g. api.marquee.example.com"
  type        = string
}

variable "regions" {
  description = "Each serving region's load balancer: its DNS name and hosted zone id (from the ALB the ingress created)"
  type = map(object({
    load_balancer_dns_name = string
    load_balancer_zone_id  = string
  }))
}

variable "health_path" {
  description = "What Route 53 asks each region: the API's readiness (200 while it can serve, 503 while it cannot)"
  type        = string
  default     = "/actuator/health/readiness"
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
