package io.marquee.indexer.reindex;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How reindexing verifies and coordinates.
 *
 * @param leaseDuration how long the lease lasts unless renewed; its holder renews it at a third of this
 * @param countTolerance how many documents the candidate may differ from its source by and still pass the gate
 * @param canarySamples movies sampled from the live index that a title search on the candidate must find
 * @param canaryQueries free-text queries that must each find at least one movie in the candidate
 * @param catchUpMargin how far before an index started receiving every write the catch-up looks back; longer than
 *        any batch can take between writing its audit entries and its documents
 * @param greenTimeout how long the gate waits for the candidate to turn green
 * @param pageSize documents per page when copying from an index
 * @param pointInTime how long a copy's point in time is kept alive between pages
 */
@Validated
@ConfigurationProperties("marquee.indexer.reindex")
public record ReindexProperties(
        @DefaultValue("60s") @NotNull Duration leaseDuration,
        @DefaultValue("0") @Min(0) long countTolerance,
        @DefaultValue("20") @Min(0) @Max(1000) int canarySamples,
        @DefaultValue List<String> canaryQueries,
        @DefaultValue("2m") @NotNull Duration catchUpMargin,
        @DefaultValue("60s") @NotNull Duration greenTimeout,
        @DefaultValue("1000") @Min(1) @Max(10_000) int pageSize,
        @DefaultValue("2m") @NotNull Duration pointInTime) {
}
