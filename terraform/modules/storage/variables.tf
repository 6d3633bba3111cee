variable "name" {
  description = "Prefix of every resource name, e.g. marquee-prod"
  type        = string
}

variable "region" {
  description = "The region this bucket serves"
  type        = string
}

variable "providers_allowed" {
  description = "Data providers: each gets an IAM role that may write only incoming/<provider>/ (key: provider id, value: the AWS principals allowed to assume it)"
  type        = map(list(string))
  default     = {}
}

variable "delivery_retention_days" {
  description = "Days after which a superseded delivery (a non-current object version) is deleted"
  type        = number
  default     = 365
}

variable "quarantine_retention_days" {
  description = "Days a quarantine record is kept"
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
