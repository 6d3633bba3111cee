package io.marquee.indexer.pipeline;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The queue the indexer consumes and the bucket it reads.
 *
 * @param queueUrl the ingest queue (its redrive policy names the dead-letter queue)
 * @param deadLetterQueueUrl where unrecognisable messages are moved aside at once
 * @param bucket the ingest bucket; also where quarantine records are written
 * @param concurrency messages processed at once: the consumer receives only when a worker is free
 * @param waitTime the long poll of each receive
 * @param visibilityTimeout how long a message stays hidden while it is worked on; extended while work goes on
 * @param retryBackoff the first redelivery delay after a transient failure, doubled per receive, capped at 15 minutes
 * @param shutdownGrace how long in-flight messages may take to finish on shutdown before they are returned to the queue
 * @param depthInterval how often the depth of the queue and the dead-letter queue is asked of SQS, for the metrics
 * @param maxEventAge the oldest S3 event (by its {@code eventTime}) acted on: as long as a message can live in the
 *        ingest queue and then the dead-letter queue (14 days each), and shorter than the index remembers
 *        deletions ({@code gc_deletes}, 30 days), so that no replay of an old delivery can undo a delete. An older
 *        event goes to the dead-letter queue with that reason; the file can be delivered again.
 */
@Validated
@ConfigurationProperties("marquee.indexer.pipeline")
public record PipelineProperties(
        String queueUrl,
        String deadLetterQueueUrl,
        @DefaultValue("marquee-ingest") String bucket,
        @DefaultValue("2") @Min(1) @Max(64) int concurrency,
        @DefaultValue("10s") @NotNull Duration waitTime,
        @DefaultValue("60s") @NotNull Duration visibilityTimeout,
        @DefaultValue("5s") @NotNull Duration retryBackoff,
        @DefaultValue("30s") @NotNull Duration shutdownGrace,
        @DefaultValue("15s") @NotNull Duration depthInterval,
        @DefaultValue("28d") @NotNull Duration maxEventAge) {
}
