variable "name" {
  description = "Prefix of every resource name, e.g. marquee-prod"
  type        = string
}

variable "region" {
  description = "The region of the queue and its bucket"
  type        = string
}

variable "bucket" {
  description = "The ingest bucket whose events the queue receives"
  type        = string
}

variable "bucket_arn" {
  description = "The ingest bucket's ARN"
  type        = string
}

variable "quarantine_topic_arns" {
  description = "Per provider, the SNS topic its quarantine records (quarantine/<provider>/) are announced on"
  type        = map(string)
  default     = {}
}

variable "max_receive_count" {
  description = "Receives after which a message goes to the dead-letter queue"
  type        = number
  default     = 8
}

variable "visibility_timeout_seconds" {
  description = "How long a received message stays hidden (the indexer extends it while it works)"
  type        = number
  default     = 60
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
