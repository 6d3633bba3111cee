variable "name" {
  description = "Name of the replication role"
  type        = string
}

variable "source_bucket" {
  description = "The bucket whose deliveries are copied"
  type        = string
}

variable "source_bucket_arn" {
  description = "Its ARN"
  type        = string
}

variable "source_kms_key_arn" {
  description = "The key its objects are encrypted with"
  type        = string
}

variable "destination_bucket_arn" {
  description = "The other region's bucket"
  type        = string
}

variable "destination_kms_key_arn" {
  description = "The key replicas are encrypted with there"
  type        = string
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
