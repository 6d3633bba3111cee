variable "name" {
  description = "Prefix of every resource name, e.g. marquee-prod"
  type        = string
}

variable "zone_id" {
  description = "The Route 53 hosted zone of the API's name"
  type        = string
}

variable "record_name" {
  description = "The API's public name, served by CloudFront, e.g. api.marquee.example.com"
  type        = string
}

variable "origin_domain_name" {
  description = "The latency-routed name of the regions' load balancers (modules/dns), e.g. origin.api.marquee.example.com"
  type        = string
}

variable "requests_per_5_minutes_per_address" {
  description = "WAF blocks a source address above this many requests in five minutes (the API's own per-client limits still apply)"
  type        = number
  default     = 6000
}

variable "managed_rule_groups" {
  description = "AWS managed rule groups, in order of evaluation after the rate rule"
  type        = list(string)
  default     = ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"]
}

variable "price_class" {
  description = "CloudFront's price class: where edge locations serve from"
  type        = string
  default     = "PriceClass_All"
}

variable "tags" {
  description = "Tags on every resource"
  type        = map(string)
  default     = {}
}
