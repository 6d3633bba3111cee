package io.marquee.api.access;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * The token buckets requests take from, kept apart so that one kind cannot crowd out the other: a key's own
 * (as many as there are keys, so never evicted), and a source address's, for requests without a valid key
 * (anonymous searches, and requests refused 401), bounded in number and forgotten after ten idle minutes. However
 * many addresses a flood comes from, it evicts only other addresses' buckets, never a client's.
 */
@Component
class ClientBuckets {

    static final int MAX_SOURCES = 100_000;

    private final AccessProperties.Anonymous anonymous;
    private final ConcurrentMap<String, TokenBucket> keys = new ConcurrentHashMap<>();
    private final Cache<String, TokenBucket> sources = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(MAX_SOURCES)
            .build();

    ClientBuckets(AccessProperties properties) {
        this.anonymous = properties.anonymous();
    }

    /** The bucket of a key (by its hash, unique to it); the key's rate and burst as configured when it was first used. */
    TokenBucket forKey(AccessProperties.Key key) {
        return keys.computeIfAbsent(key.sha256(), k -> new TokenBucket(key.rate(), key.burst(), System::nanoTime));
    }

    /** The bucket of a source address: what anonymous requests and refused credentials take from. */
    TokenBucket forSource(String source) {
        return sources.get(source, k -> new TokenBucket(anonymous.rate(), anonymous.burst(), System::nanoTime));
    }

    /** Forgets the buckets of keys no longer configured, so that revoked keys leave nothing behind. */
    void retainKeys(java.util.Collection<AccessProperties.Key> configured) {
        keys.keySet().retainAll(configured.stream().map(AccessProperties.Key::sha256).collect(java.util.stream.Collectors.toSet()));
    }

    long sourcesHeld() {
        sources.cleanUp();
        return sources.estimatedSize();
    }

    int keysHeld() {
        return keys.size();
    }
}
