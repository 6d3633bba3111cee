/**
 * The ingest pipeline: providers deliver files to S3 under {@code incoming/<provider>/}, S3 notifies SQS, and
 * this package consumes the queue, fetches each object, indexes its valid records (versioned by the object's
 * time, so an older delivery never overwrites a newer one), quarantines the rest with reasons, and deletes a
 * message only once all of that is durable.
 */
package io.marquee.indexer.pipeline;
