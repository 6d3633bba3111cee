package io.marquee.indexer.pipeline;

/**
 * Work on a message failed for a reason that may pass (S3 or Elasticsearch unreachable, throttled, failing):
 * the message stays on the queue and comes back after a backoff; past the redrive limit SQS dead-letters it.
 */
class TransientFailure extends RuntimeException {

    TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
