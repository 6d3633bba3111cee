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

variable "cidr" {
  description = "The region's VPC address range"
  type        = string
  default     = "10.40.0.0/16"
}

variable "endpoint_public_cidrs" {
  description = "CIDRs that may reach the cluster's API endpoint from outside its VPC; empty keeps it private"
  type        = list(string)
  default     = []
}

variable "pipeline_role_arn" {
  description = "The role the pipeline deploys with (cluster admin)"
  type        = string
}

variable "secrets_prefix" {
  description = "The Secrets Manager prefix of the application's secrets, e.g. marquee/prod"
  type        = string
}

variable "zone_id" {
  description = "The Route 53 hosted zone of the API's names"
  type        = string
}

variable "record_name" {
  description = "The API's public name, e.g. api.marquee.example.com"
  type        = string
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
