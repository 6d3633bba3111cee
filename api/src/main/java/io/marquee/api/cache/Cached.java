package io.marquee.api.cache;

import java.util.Locale;

/**
 * An answer as the cache holds it: the value, the index generation it was read from, and its strong ETag; with where
 * this request got it from.
 */
public record Cached<T>(T value, String generation, String etag, Source source) {

    /**
     * How a request got its answer: from Elasticsearch, from the cache, from the cache past its freshness while it is
     * revalidated, or from the cache because Elasticsearch could not give a newer one (degraded mode).
     */
    public enum Source {
        MISS, HIT, STALE, STALE_IF_ERROR;

        String header() {
            return this == STALE_IF_ERROR ? "stale" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** The same answer with another value derived from it (the same ETag: the value is a view of it). */
    public <U> Cached<U> map(U other) {
        return new Cached<>(other, generation, etag, source);
    }
}
