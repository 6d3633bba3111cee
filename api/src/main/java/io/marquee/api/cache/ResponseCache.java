package io.marquee.api.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.marquee.api.catalog.IndexGeneration;

/**
 * Caches answers by request and index generation. Concurrent identical misses share one Elasticsearch call (the
 * first caller's future is everyone's); failures are not cached. Because the generation is part of the key, an alias
 * flip makes every cached answer of the old index unreachable at once.
 */
@Component
public class ResponseCache {

    /** Says whether the answer came from the cache. */
    public static final String X_CACHE = "X-Cache";

    private final AsyncCache<Key, Cached<Object>> cache;
    private final IndexGeneration generation;
    private final ObjectMapper json;
    private final CacheControl cacheControl;

    ResponseCache(CacheProperties properties, IndexGeneration generation, ObjectMapper json) {
        this.cache = Caffeine.newBuilder().maximumSize(properties.maxEntries()).expireAfterWrite(properties.ttl()).buildAsync();
        this.generation = generation;
        this.json = json;
        this.cacheControl = CacheControl.maxAge(properties.httpMaxAge()).cachePublic();
    }

    /**
     * The cached answer to {@code request} in the current generation, or the one {@code load} produces.
     *
     * @param request a value-equal description of the request (normalised: equal requests must be equal)
     */
    @SuppressWarnings("unchecked")
    public <T> Mono<Cached<T>> get(Object request, Supplier<Mono<T>> load) {
        String current = generation.current();
        Key key = new Key(current, request);
        return Mono.defer(() -> {
            boolean[] loaded = {false};
            CompletableFuture<Cached<Object>> answer = cache.get(key, (k, executor) -> {
                loaded[0] = true;
                return load.get().map(value -> (Cached<Object>) new Cached<Object>(value, current, etag(current, value), false)).toFuture();
            });
            // Suppressing cancellation: the future is shared, and one client going away must not fail the others waiting on it.
            return Mono.fromFuture(answer, true).map(found -> (Cached<T>) new Cached<>(found.value(), found.generation(), found.etag(), !loaded[0]));
        });
    }

    /** A 200 response with the answer's ETag, caching headers and {@link #X_CACHE}; a matching If-None-Match makes it 304. */
    public ResponseEntity.BodyBuilder ok(Cached<?> answer) {
        return ResponseEntity.ok().eTag(answer.etag()).cacheControl(cacheControl).header(X_CACHE, answer.hit() ? "hit" : "miss");
    }

    /** Forgets every answer; for tests and operators. */
    public void clear() {
        cache.synchronous().invalidateAll();
    }

    private String etag(String generation, Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(value));
            return "\"" + generation + "." + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        }
        catch (JsonProcessingException | NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Cannot fingerprint an answer", ex);
        }
    }

    private record Key(String generation, Object request) {
    }
}
