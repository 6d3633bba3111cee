package io.marquee.api.catalog;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the API reads and how long it waits.
 *
 * @param indexPrefix prefix of the index and alias names (empty in production)
 * @param searchTimeout the longest a search may take before the client gets a 503
 * @param lookupTimeout the longest a lookup by id (or of the read alias, or of a history) may take
 * @param suggestTimeout the longest a typeahead request may take: a suggestion later than that is no use to a typist
 * @param retryAfter what a 503 tells the client to wait
 * @param generationRefresh how often the API asks which index the read alias points to: the longest a cached answer
 *        of an index survives an alias flip
 * @param maxConnections connections to each Elasticsearch node at most (three times as many in all)
 */
@Validated
@ConfigurationProperties("marquee.api.catalog")
public record CatalogProperties(
        @DefaultValue("") @NotNull @Pattern(regexp = "([a-z0-9][a-z0-9_-]*-)?") String indexPrefix,
        @DefaultValue("2s") @NotNull Duration searchTimeout,
        @DefaultValue("1s") @NotNull Duration lookupTimeout,
        @DefaultValue("500ms") @NotNull Duration suggestTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue("1s") @NotNull Duration generationRefresh,
        @DefaultValue("100") @Min(1) @Max(10_000) int maxConnections) {
}
