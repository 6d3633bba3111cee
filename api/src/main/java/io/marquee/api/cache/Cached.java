package io.marquee.api.cache;

/**
 * An answer as the cache holds it: the value, the index generation it was read from, and its strong ETag; with
 * whether this request found it cached.
 */
public record Cached<T>(T value, String generation, String etag, boolean hit) {
}
