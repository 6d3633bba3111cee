package io.marquee.indexer.index;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the indexer batches writes.
 *
 * @param maxOperations documents per bulk request
 * @param maxSize bytes per bulk request
 * @param concurrentRequests bulk requests in flight at once; the reader blocks beyond that (backpressure)
 * @param flushInterval longest a partial batch waits
 * @param maxRetries attempts per document after the first, for 429 and 5xx
 * @param initialBackoff the first retry's delay; doubled on every further attempt, with jitter
 */
@Validated
@ConfigurationProperties("marquee.indexer.bulk")
public record BulkProperties(
        @DefaultValue("1000") @Min(1) @Max(10_000) int maxOperations,
        @DefaultValue("5MB") @NotNull DataSize maxSize,
        @DefaultValue("2") @Min(1) @Max(16) int concurrentRequests,
        @DefaultValue("1s") @NotNull Duration flushInterval,
        @DefaultValue("6") @Min(0) @Max(20) int maxRetries,
        @DefaultValue("200ms") @NotNull Duration initialBackoff) {
}
