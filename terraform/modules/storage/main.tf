# The ingest bucket of one region: versioned, encrypted with a customer-managed key, never public, TLS only; each
# provider writes only under its own prefix; old deliveries and quarantine records expire.

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "bucket" {
  description             = "${var.name} ingest bucket (${var.region})"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = var.tags
}

resource "aws_kms_alias" "bucket" {
  name          = "alias/${var.name}-ingest-${var.region}"
  target_key_id = aws_kms_key.bucket.key_id
}

resource "aws_s3_bucket" "ingest" {
  bucket = "${var.name}-ingest-${var.region}"
  tags   = var.tags
}

resource "aws_s3_bucket_ownership_controls" "ingest" {
  bucket = aws_s3_bucket.ingest.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "ingest" {
  bucket = aws_s3_bucket.ingest.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "ingest" {
  bucket = aws_s3_bucket.ingest.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.bucket.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "ingest" {
  bucket                  = aws_s3_bucket.ingest.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_lifecycle_configuration" "ingest" {
  bucket = aws_s3_bucket.ingest.id

  rule {
    id     = "superseded-deliveries"
    status = "Enabled"
    filter {
      prefix = "incoming/"
    }
    # The current version of every delivery stays: a reindex from S3 replays them all.
    noncurrent_version_expiration {
      noncurrent_days = var.delivery_retention_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  rule {
    id     = "quarantine"
    status = "Enabled"
    filter {
      prefix = "quarantine/"
    }
    expiration {
      days = var.quarantine_retention_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }
}

data "aws_iam_policy_document" "bucket" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.ingest.arn,
      "${aws_s3_bucket.ingest.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid       = "DenyObjectsNotEncryptedWithTheBucketKey"
    effect    = "Deny"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.ingest.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEqualsIfExists"
      variable = "s3:x-amz-server-side-encryption-aws-kms-key-id"
      values   = [aws_kms_key.bucket.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "ingest" {
  bucket     = aws_s3_bucket.ingest.id
  policy     = data.aws_iam_policy_document.bucket.json
  depends_on = [aws_s3_bucket_public_access_block.ingest]
}

# One role per provider, assumable only by that provider's principals, writing only under its own prefix.
data "aws_iam_policy_document" "provider_trust" {
  for_each = var.providers_allowed
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = each.value
    }
  }
}

resource "aws_iam_role" "provider" {
  for_each           = var.providers_allowed
  name               = "${var.name}-${var.region}-provider-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.provider_trust[each.key].json
  tags               = var.tags
}

data "aws_iam_policy_document" "provider_write" {
  for_each = var.providers_allowed
  statement {
    sid       = "WriteOwnPrefixOnly"
    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.ingest.arn}/incoming/${each.key}/*"]
  }
  # A provider reads why its records were rejected, and only its own.
  statement {
    sid       = "ReadOwnQuarantineOnly"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.ingest.arn}/quarantine/${each.key}/*"]
  }
  statement {
    sid       = "ListOwnPrefixOnly"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.ingest.arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["incoming/${each.key}/*", "quarantine/${each.key}/*"]
    }
  }
  statement {
    sid       = "EncryptWithTheBucketKey"
    actions   = ["kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt"]
    resources = [aws_kms_key.bucket.arn]
  }
}

resource "aws_iam_role_policy" "provider_write" {
  for_each = var.providers_allowed
  name     = "write-incoming-${each.key}"
  role     = aws_iam_role.provider[each.key].id
  policy   = data.aws_iam_policy_document.provider_write[each.key].json
}

# Providers are told about rejections: each quarantine record written under quarantine/<provider>/ is announced on
# that provider's own topic (the bucket's notification, modules/queue), which only that provider may subscribe to.
data "aws_iam_policy_document" "notices_key" {
  statement {
    sid       = "Account"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid       = "S3PublishesEncrypted"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_s3_bucket.ingest.arn]
    }
  }
}

resource "aws_kms_key" "notices" {
  description             = "${var.name} quarantine notices (${var.region})"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.notices_key.json
  tags                    = var.tags
}

resource "aws_sns_topic" "quarantine" {
  for_each          = var.providers_allowed
  name              = "${var.name}-${var.region}-quarantine-${each.key}"
  kms_master_key_id = aws_kms_key.notices.arn
  tags              = var.tags
}

data "aws_iam_policy_document" "quarantine_topic" {
  for_each = var.providers_allowed
  statement {
    sid       = "BucketPublishes"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.quarantine[each.key].arn]
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_s3_bucket.ingest.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
  statement {
    sid       = "ProviderSubscribes"
    actions   = ["sns:Subscribe", "sns:GetTopicAttributes"]
    resources = [aws_sns_topic.quarantine[each.key].arn]
    principals {
      type        = "AWS"
      identifiers = each.value
    }
  }
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sns:*"]
    resources = [aws_sns_topic.quarantine[each.key].arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "quarantine" {
  for_each = var.providers_allowed
  arn      = aws_sns_topic.quarantine[each.key].arn
  policy   = data.aws_iam_policy_document.quarantine_topic[each.key].json
}
