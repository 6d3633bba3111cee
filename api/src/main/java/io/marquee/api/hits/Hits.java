package io.marquee.api.hits;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The recorded responses, bounded by the heap they take and kept no longer than a cached answer stays fresh (past that
 * they are never sent anyway).
 */
final class Hits {

    private final Cache<HitKey, Hit> recorded;
    private final LongAdder answered = new LongAdder();

    Hits(HitsProperties properties, Duration fresh) {
        this.recorded = Caffeine.newBuilder().maximumWeight(properties.maxBytes().toBytes()).weigher((HitKey key, Hit hit) -> hit.weight())
                .expireAfterWrite(fresh).build();
    }

    /** The response recorded for a request, while the answer it was made from is fresh. */
    Hit fresh(HitKey key) {
        Hit hit = recorded.getIfPresent(key);
        if (hit == null) {
            return null;
        }
        if (!hit.fresh()) {
            recorded.asMap().remove(key, hit);
            return null;
        }
        return hit;
    }

    /** Counts a request answered on the connection. */
    void answered() {
        answered.increment();
    }

    /** How many requests were answered on the connection. */
    long answeredCount() {
        return answered.sum();
    }

    void record(HitKey key, Hit hit) {
        recorded.put(key, hit);
    }

    long weight() {
        recorded.cleanUp();
        return recorded.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    long size() {
        recorded.cleanUp();
        return recorded.estimatedSize();
    }
}
