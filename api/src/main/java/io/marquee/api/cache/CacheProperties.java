package io.marquee.api.cache;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How long and how much the API caches.
 *
 * @param maxEntries answers kept at most; the least recently used go first
 * @param maxBytes the heap the cached answers may take, estimated from their JSON ({@link ResponseCache}): the budget
 *        the chart sets against the pod's memory; whichever of this and {@code maxEntries} is reached first evicts
 * @param ttl how long an answer is served fresh from the cache: the bound on seeing an update within one index generation
 * @param staleWhileRevalidate how long after that an answer is still served, marked stale, while one background call
 *        replaces it (also sent to CDNs as {@code stale-while-revalidate})
 * @param staleIfError how long after that an answer is still kept, to be served (marked stale) only when Elasticsearch
 *        cannot give a new one: degraded mode (also sent to CDNs as {@code stale-if-error})
 * @param httpMaxAge what {@code Cache-Control: max-age} lets a CDN or browser reuse an answer for
 */
@Validated
@ConfigurationProperties("marquee.api.cache")
public record CacheProperties(
        @DefaultValue("10000") @Min(0) @Max(10_000_000) long maxEntries,
        @DefaultValue("64MB") @NotNull DataSize maxBytes,
        @DefaultValue("10s") @NotNull Duration ttl,
        @DefaultValue("30s") @NotNull Duration staleWhileRevalidate,
        @DefaultValue("1h") @NotNull Duration staleIfError,
        @DefaultValue("5s") @NotNull Duration httpMaxAge) {
}
