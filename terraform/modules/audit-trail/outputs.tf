output "trail_arn" {
  description = "The CloudTrail trail"
  value       = aws_cloudtrail.data_events.arn
}

output "log_bucket" {
  description = "The write-once bucket holding the trail"
  value       = aws_s3_bucket.trail.id
}
