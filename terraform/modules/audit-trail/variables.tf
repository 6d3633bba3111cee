variable "name" {
  description = "Prefix of every resource name, e.g. marquee-prod"
  type        = string
}

variable "region" {
  description = "The region the trail and its bucket live in (the trail itself covers every region)"
  type        = string
}

variable "bucket_arns" {
  description = "The ingest buckets whose object-level calls are recorded"
  type        = list(string)
}

variable "retention_days" {
  description = "How long each record is write-once before it may expire"
  type        = number
  default     = 400
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
