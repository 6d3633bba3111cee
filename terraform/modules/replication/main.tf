# Copies every delivery under incoming/ to another region's bucket, encrypted there with that region's key, so every
# region's indexer builds its own index from the same data. Quarantine records stay where they were written.

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "replication" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags               = var.tags
}

data "aws_iam_policy_document" "replication" {
  statement {
    sid       = "ReadSourceConfiguration"
    actions   = ["s3:GetReplicationConfiguration", "s3:ListBucket"]
    resources = [var.source_bucket_arn]
  }
  statement {
    sid       = "ReadSourceDeliveries"
    actions   = ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
    resources = ["${var.source_bucket_arn}/incoming/*"]
  }
  statement {
    sid       = "WriteReplicas"
    actions   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
    resources = ["${var.destination_bucket_arn}/incoming/*"]
  }
  statement {
    sid       = "DecryptAtSource"
    actions   = ["kms:Decrypt"]
    resources = [var.source_kms_key_arn]
  }
  statement {
    sid       = "EncryptAtDestination"
    actions   = ["kms:Encrypt", "kms:GenerateDataKey"]
    resources = [var.destination_kms_key_arn]
  }
}

resource "aws_iam_role_policy" "replication" {
  name   = "replicate-incoming"
  role   = aws_iam_role.replication.id
  policy = data.aws_iam_policy_document.replication.json
}

resource "aws_s3_bucket_replication_configuration" "incoming" {
  bucket = var.source_bucket
  role   = aws_iam_role.replication.arn

  rule {
    id     = "incoming"
    status = "Enabled"
    filter {
      prefix = "incoming/"
    }
    delete_marker_replication {
      status = "Enabled"
    }
    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
    destination {
      bucket        = var.destination_bucket_arn
      storage_class = "STANDARD"
      encryption_configuration {
        replica_kms_key_id = var.destination_kms_key_arn
      }
    }
  }
}
