# IRSA roles: each workload's Kubernetes service account assumes its own role, with no more than it uses.

data "aws_iam_policy_document" "trust" {
  for_each = toset(["api", "indexer"])
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_provider_url}:sub"
      values   = ["system:serviceaccount:${var.namespace}:${var.release}-${each.key}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_provider_url}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

# The API reads only Elasticsearch: its role carries no policy, and exists so one can be granted without a redeploy.
resource "aws_iam_role" "api" {
  name               = "${var.name}-${var.region}-api"
  assume_role_policy = data.aws_iam_policy_document.trust["api"].json
  tags               = var.tags
}

resource "aws_iam_role" "indexer" {
  name               = "${var.name}-${var.region}-indexer"
  assume_role_policy = data.aws_iam_policy_document.trust["indexer"].json
  tags               = var.tags
}

data "aws_iam_policy_document" "indexer" {
  statement {
    sid       = "ReadDeliveries"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${var.bucket_arn}/incoming/*"]
  }
  statement {
    sid       = "ListDeliveries"
    actions   = ["s3:ListBucket", "s3:ListBucketVersions"]
    resources = [var.bucket_arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["incoming/*", "quarantine/*"]
    }
  }
  statement {
    # Quarantine records are streamed as multipart uploads; an upload the indexer gives up on is aborted.
    sid       = "WriteQuarantine"
    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${var.bucket_arn}/quarantine/*"]
  }
  statement {
    sid       = "UseTheBucketKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.bucket_kms_key_arn]
  }
  statement {
    sid       = "ConsumeTheQueue"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]
    resources = [var.queue_arn]
  }
  statement {
    # 'indexer dlq replay' puts dead letters back on the ingest queue.
    sid       = "ReplayDeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [var.queue_arn]
  }
  statement {
    # The consumer moves messages aside with their reason; 'indexer dlq list' peeks (receive, visibility 0) and
    # 'indexer dlq replay' receives, deletes once replayed, and hands back what it leaves.
    sid       = "WorkTheDeadLetterQueue"
    actions   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"]
    resources = [var.dead_letter_queue_arn]
  }
  statement {
    sid       = "UseTheQueueKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.queue_kms_key_arn]
  }
}

resource "aws_iam_role_policy" "indexer" {
  name   = "ingest"
  role   = aws_iam_role.indexer.id
  policy = data.aws_iam_policy_document.indexer.json
}

# KEDA scales the indexer by its queue's depth, reading it as the operator (the ScaledObject's identityOwner).
data "aws_iam_policy_document" "keda_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_provider_url}:sub"
      values   = ["system:serviceaccount:keda:keda-operator"]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_provider_url}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "keda" {
  name               = "${var.name}-${var.region}-keda"
  assume_role_policy = data.aws_iam_policy_document.keda_trust.json
  tags               = var.tags
}

data "aws_iam_policy_document" "keda" {
  statement {
    sid       = "ReadQueueDepth"
    actions   = ["sqs:GetQueueAttributes"]
    resources = [var.queue_arn]
  }
}

resource "aws_iam_role_policy" "keda" {
  name   = "read-queue-depth"
  role   = aws_iam_role.keda.id
  policy = data.aws_iam_policy_document.keda.json
}
