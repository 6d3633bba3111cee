output "queue_url" {
  description = "The ingest queue the indexer consumes"
  value       = aws_sqs_queue.ingest.id
}

output "queue_arn" {
  description = "The ingest queue's ARN"
  value       = aws_sqs_queue.ingest.arn
}

output "dead_letter_queue_url" {
  description = "Where messages go after too many receives"
  value       = aws_sqs_queue.dead_letter.id
}

output "dead_letter_queue_arn" {
  description = "The dead-letter queue's ARN"
  value       = aws_sqs_queue.dead_letter.arn
}

output "kms_key_arn" {
  description = "The key both queues are encrypted with"
  value       = aws_kms_key.queue.arn
}
