package io.marquee.api.cache;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import io.marquee.api.catalog.CatalogUnavailableException;
import io.marquee.text.Digests;

/**
 * Caches answers by request and index generation. Concurrent identical misses share one Elasticsearch call (the
 * first caller's future is everyone's); failures are not cached. An answer older than the TTL is still served, marked
 * stale, for {@link CacheProperties#staleWhileRevalidate()} more, while one background call replaces it. Because the
 * generation is part of the key, an alias flip retires every cached answer of the old index at once: each is served
 * (stale) only until the one call that answers it from the new index returns.
 * <p>
 * Each answer's response body is serialised once, when it is loaded: the bytes give the ETag, and the JSON encoder
 * ({@link EncodedAnswers}) sends the same bytes on every hit instead of serialising the answer again.
 * <p>
 * The cache is bounded by the heap its answers take ({@link CacheProperties#maxBytes()}), each weighed as
 * {@value #HEAP_PER_JSON_BYTE} times its JSON (the bytes kept for hits, plus the answer's objects, which take about
 * twice their JSON) and at least {@code maxBytes / maxEntries}, so that neither bound is passed.
 */
public class ResponseCache {

    /** Says whether the answer came from the cache: {@code hit}, {@code stale} or {@code miss}. */
    public static final String X_CACHE = "X-Cache";

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    /** Heap an answer takes per byte of its JSON: the encoded bytes themselves and about twice as much in objects. */
    static final int HEAP_PER_JSON_BYTE = 3;
    /** What an answer costs besides its JSON: the key, the entry, the future. */
    static final int ENTRY_OVERHEAD = 512;

    private final AsyncCache<Key, Entry> cache;
    /**
     * False with no room for any answer ({@code max-entries=0}): an answer is evicted as soon as it is loaded (misses
     * under way still share one call), and is never fresh for anyone to repeat.
     */
    private final boolean caching;
    private final Supplier<String> generation;
    private final ObjectMapper json;
    private final CacheControl cacheControl;
    private final long freshNanos;
    private final long revalidateNanos;
    private final LongSupplier nanoTime;
    private final Map<Key, CompletableFuture<Entry>> refreshing = new ConcurrentHashMap<>();
    // Weak identity keys: a body's bytes live exactly as long as some cached answer still holds the body.
    private final Cache<Object, byte[]> encoded = Caffeine.newBuilder().weakKeys().build();
    private final Map<Cached.Source, Counter> answers = new EnumMap<>(Cached.Source.class);
    private volatile String current;
    private volatile String previous;

    ResponseCache(CacheProperties properties, Supplier<String> generation, ObjectMapper json, LongSupplier nanoTime, MeterRegistry registry) {
        for (Cached.Source source : Cached.Source.values()) {
            answers.put(source, Counter.builder("marquee.api.cache.answers").tag("source", source.header())
                    .description("Answers of the cached routes by where they came from (answers on the connection: marquee.api.hits.answered)")
                    .register(registry));
        }
        long budget = properties.maxEntries() == 0 ? 0 : properties.maxBytes().toBytes();
        this.caching = budget > 0;
        int leastWeight = (int) Math.min(Integer.MAX_VALUE, properties.maxEntries() == 0 ? 1 : Math.max(1, budget / properties.maxEntries()));
        // Removals are told on the removing thread: an answer replaced, evicted or cleared is retired at once, and a hit
        // answered on the connection (Answer#fresh) never outlives it.
        this.cache = Caffeine.newBuilder().maximumWeight(budget).executor(Runnable::run)
                .weigher((Key key, Entry entry) -> Math.max(leastWeight, entry.weight())).ticker(nanoTime::getAsLong)
                .expireAfterWrite(properties.ttl().plus(properties.staleWhileRevalidate()).plus(properties.staleIfError()))
                .removalListener((Key key, Entry entry, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (entry != null) {
                        entry.retired = true;
                    }
                })
                .buildAsync();
        this.generation = generation;
        this.json = json;
        this.freshNanos = properties.ttl().toNanos();
        this.revalidateNanos = properties.ttl().plus(properties.staleWhileRevalidate()).toNanos();
        this.nanoTime = nanoTime;
        this.cacheControl = CacheControl.maxAge(properties.httpMaxAge()).staleWhileRevalidate(properties.staleWhileRevalidate())
                .staleIfError(properties.staleIfError()).cachePublic();
    }

    /**
     * The cached answer to {@code request} in the current generation, or the one {@code load} produces.
     *
     * @param request a value-equal description of the request (normalised: equal requests must be equal)
     */
    public <T> Mono<Cached<T>> get(Object request, Supplier<Mono<T>> load) {
        return get(request, load, Function.identity());
    }

    /**
     * As {@link #get(Object, Supplier)}, for an answer whose response body is a part of it ({@code body} of the value).
     * The body's JSON is what the ETag is computed from and what every hit sends.
     */
    @SuppressWarnings("unchecked")
    public <T> Mono<Cached<T>> get(Object request, Supplier<Mono<T>> load, Function<? super T, ?> body) {
        // Loads run detached from the request (shared by coalesced requests, or in the background), but with the context
        // of the request that started them: their log lines name that request.
        return Mono.deferContextual(context -> {
            Key key = new Key(generation(), request);
            Entry entry = completed(key);
            Served served = context.getOrDefault(Served.class, null);
            if (entry != null) {
                long age = nanoTime.getAsLong() - entry.storedAt();
                if (age <= freshNanos) {
                    return Mono.just((Cached<T>) given(served, entry, Cached.Source.HIT));
                }
                if (age <= revalidateNanos) {
                    revalidate(key, load, body, context);
                    return Mono.just((Cached<T>) given(served, entry, Cached.Source.STALE));
                }
                // Too old to serve while revalidating: this request waits for the new answer, and gets the old one only
                // if Elasticsearch cannot give one (degraded mode: better a stale answer than none).
                return Mono.fromFuture(refresh(key, load, body, context), true)
                        .map(fresh -> (Cached<T>) given(served, fresh, Cached.Source.MISS))
                        .onErrorResume(CatalogUnavailableException.class, error -> Mono.just((Cached<T>) given(served, entry, Cached.Source.STALE_IF_ERROR)));
            }
            // Just after an alias flip every answer misses at once, against an index whose caches are cold: the answer
            // of the index before is served, marked stale, for the one call that replaces it, so no client waits on that
            // burst. The generation refresh plus that call bound how long an old answer outlives the flip.
            String before = previous;
            Entry old = before == null ? null : completed(new Key(before, request));
            if (old != null) {
                revalidate(key, load, body, context);
                return Mono.just((Cached<T>) given(served, old, Cached.Source.STALE));
            }
            boolean[] loaded = {false};
            CompletableFuture<Entry> answer = cache.get(key, (k, executor) -> {
                loaded[0] = true;
                return load(key, load, body).contextWrite(context).toFuture();
            });
            // Suppressing cancellation: the future is shared, and one client going away must not fail the others waiting on it.
            return Mono.fromFuture(answer, true).map(found -> (Cached<T>) given(served, found, loaded[0] ? Cached.Source.MISS : Cached.Source.HIT));
        });
    }

    /** An answer as this request gets it, noted among those it was given when it collects them. */
    private static Cached<Object> given(Served served, Entry entry, Cached.Source source) {
        if (served != null) {
            served.add(entry);
        }
        return entry.as(source);
    }

    private String generation() {
        String now = generation.get();
        if (!now.equals(current)) {
            previous = current;
            current = now;
        }
        return now;
    }

    private Entry completed(Key key) {
        CompletableFuture<Entry> present = cache.getIfPresent(key);
        return present != null && present.isDone() && !present.isCompletedExceptionally() ? present.join() : null;
    }

    /**
     * A 200 response with the answer's ETag, caching headers and {@link #X_CACHE}; a matching If-None-Match makes it 304.
     * A stale answer says so in a {@code Warning} too: 110 while it is being revalidated, 111 when revalidation failed.
     */
    public ResponseEntity.BodyBuilder ok(Cached<?> answer) {
        answers.get(answer.source()).increment();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(answer.etag()).cacheControl(cacheControl)
                .header(X_CACHE, answer.source().header());
        if (answer.source() == Cached.Source.STALE) {
            response.header(HttpHeaders.WARNING, "110 - \"Response is Stale\"");
        }
        else if (answer.source() == Cached.Source.STALE_IF_ERROR) {
            response.header(HttpHeaders.WARNING, "111 - \"Revalidation Failed\"");
        }
        return response;
    }

    /** Whether any answer is cached: what the API can still serve while Elasticsearch is failing. */
    public boolean holdsAnswers() {
        return cache.synchronous().estimatedSize() > 0;
    }

    /** The estimated heap the cached answers take, in bytes. */
    public long weight() {
        cache.synchronous().cleanUp();
        return cache.synchronous().policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /** Forgets every answer; for tests and operators. */
    public void clear() {
        cache.synchronous().invalidateAll();
    }

    /** The JSON a cached answer's body was serialised to when it was loaded; null for anything else. */
    byte[] encoded(Object body) {
        return encoded.getIfPresent(body);
    }

    private <T> Mono<Entry> load(Key key, Supplier<Mono<T>> load, Function<? super T, ?> body) {
        return load.get().map(value -> {
            Object sent = body.apply(value);
            byte[] bytes = serialise(sent);
            if (sent != null) {
                encoded.put(sent, bytes);
            }
            // A checksum, not SHA-256: an ETag tells an answer from its own other versions, on every miss, and SHA-256 of
            // a year's 70 KB cost a miss some 60 µs.
            String etag = "\"" + key.generation() + "." + Digests.checksumHex(bytes) + "\"";
            int weight = (int) Math.min(Integer.MAX_VALUE, (long) bytes.length * HEAP_PER_JSON_BYTE + ENTRY_OVERHEAD);
            Entry entry = new Entry(value, key.generation(), etag, nanoTime.getAsLong(), weight, bytes);
            entry.retired = !caching;
            return entry;
        });
    }

    /** Replaces a stale answer in the background. */
    private <T> void revalidate(Key key, Supplier<Mono<T>> load, Function<? super T, ?> body, ContextView context) {
        refresh(key, load, body, context).exceptionally(error -> {
            log.debug("Revalidating a stale answer failed; serving it until it expires: {}", error.toString());
            return null;
        });
    }

    /**
     * Loads a new answer for a key that has an old one, which stays in the cache until the new one is stored: one call
     * per key however many requests want it, and the old answer is still there should the call fail.
     */
    private <T> CompletableFuture<Entry> refresh(Key key, Supplier<Mono<T>> load, Function<? super T, ?> body, ContextView context) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> shared = refreshing.putIfAbsent(key, mine);
        if (shared != null) {
            return shared;
        }
        // Completed outside the map's own methods: a load refused at once (the circuit open) completes during subscribe.
        load(key, load, body).contextWrite(context).subscribe(fresh -> {
            cache.put(key, CompletableFuture.completedFuture(fresh));
            refreshing.remove(key, mine);
            mine.complete(fresh);
        }, error -> {
            refreshing.remove(key, mine);
            mine.completeExceptionally(error);
        });
        return mine;
    }

    private byte[] serialise(Object body) {
        try {
            return json.writeValueAsBytes(body);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot serialise an answer", ex);
        }
    }

    /** An answer's key: the request within a generation, its hash worked out once (the cache asks for it several times a lookup). */
    private static final class Key {

        private final String generation;
        private final Object request;
        private final int hash;

        Key(String generation, Object request) {
            this.generation = generation;
            this.request = request;
            this.hash = 31 * generation.hashCode() + request.hashCode();
        }

        String generation() {
            return generation;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && hash == key.hash && generation.equals(key.generation) && request.equals(key.request);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * What the cache stores: the answer, where and when it was read, its ETag, the heap it is reckoned to take, and its
     * body's JSON.
     */
    private final class Entry implements Answer {

        private final Object value;
        private final String generation;
        private final String etag;
        private final long storedAt;
        private final int weight;
        private final byte[] json;
        /** Set once the cache no longer holds this answer (replaced, evicted, cleared). */
        private volatile boolean retired;

        Entry(Object value, String generation, String etag, long storedAt, int weight, byte[] json) {
            this.value = value;
            this.generation = generation;
            this.etag = etag;
            this.storedAt = storedAt;
            this.weight = weight;
            this.json = json;
        }

        Cached<Object> as(Cached.Source source) {
            return new Cached<>(value, generation, etag, source);
        }

        long storedAt() {
            return storedAt;
        }

        int weight() {
            return weight;
        }

        String generation() {
            return generation;
        }

        @Override
        public boolean fresh() {
            return !retired && nanoTime.getAsLong() - storedAt <= freshNanos && generation.equals(ResponseCache.this.generation.get());
        }

        @Override
        public byte[] json() {
            return json;
        }
    }

    /**
     * A cached answer as a request was given it, for whoever would answer the same request again without asking the
     * cache (the hits answered on the connection).
     */
    public interface Answer {

        /** Whether the cache would still give this answer as a hit: still held, within its TTL, of the current generation. */
        boolean fresh();

        /** Its body's JSON, as every hit sends it. */
        byte[] json();
    }

    /**
     * The answers the cache gave one request, collected when the request puts one of these into its Reactor context
     * (under this class): a response that used exactly one answer, fresh, is that answer's to repeat.
     */
    public static final class Served {

        private Answer only;
        private boolean several;

        synchronized void add(Answer answer) {
            if (answer == null || only != null && only != answer) {
                several = true;
                only = null;
            }
            else if (!several) {
                only = answer;
            }
        }

        /** The one answer the request was given, if it was given exactly one. */
        public synchronized Optional<Answer> single() {
            return several ? Optional.empty() : Optional.ofNullable(only);
        }
    }
}
