variable "domain_name" {
  description = "The certificate's name, e.g. api.marquee.example.com"
  type        = string
}

variable "alternative_names" {
  description = "Further names, e.g. us-east-1.api.marquee.example.com"
  type        = list(string)
  default     = []
}

variable "zone_id" {
  description = "The Route 53 hosted zone the validation records go into"
  type        = string
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
