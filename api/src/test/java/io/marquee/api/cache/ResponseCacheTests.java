package io.marquee.api.cache;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.util.unit.DataSize;

import io.marquee.api.catalog.CatalogUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseCacheTests {

    private final AtomicLong now = new AtomicLong();
    private final AtomicReference<String> generation = new AtomicReference<>("movies-v1");
    private final ResponseCache cache = new ResponseCache(new CacheProperties(100, DataSize.ofMegabytes(64), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofSeconds(5)), generation::get, new ObjectMapper(), now::get, new SimpleMeterRegistry());
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void servesAMissThenHitsWithTheSameETag() {
        Cached<String> miss = cache.get("q", () -> answer("heat")).block();
        Cached<String> hit = cache.get("q", () -> answer("other")).block();

        assertThat(miss.source()).isEqualTo(Cached.Source.MISS);
        assertThat(hit.source()).isEqualTo(Cached.Source.HIT);
        assertThat(hit.value()).isEqualTo("heat");
        assertThat(hit.etag()).isEqualTo(miss.etag()).startsWith("\"movies-v1.");
        assertThat(calls).hasValue(1);
    }

    @Test
    void withNoRoomKeepsNothingAndGivesNothingToRepeat() {
        ResponseCache off = new ResponseCache(new CacheProperties(0, DataSize.ofMegabytes(64), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(10), Duration.ofSeconds(5)), generation::get, new ObjectMapper(), now::get, new SimpleMeterRegistry());
        ResponseCache.Served served = new ResponseCache.Served();

        StepVerifier.create(off.get("q", () -> answer("heat")).contextWrite(reactor.util.context.Context.of(ResponseCache.Served.class, served)))
                .assertNext(miss -> assertThat(miss.source()).isEqualTo(Cached.Source.MISS)).verifyComplete();
        assertThat(off.get("q", () -> answer("heat")).block().source()).isEqualTo(Cached.Source.MISS);
        assertThat(calls).hasValue(2);
        assertThat(served.single()).get().satisfies(answer -> assertThat(answer.fresh()).as("not kept, so not to be repeated").isFalse());
        assertThat(off.holdsAnswers()).isFalse();
    }

    @Test
    void givesAFreshAnswerToRepeatUntilItIsReplacedOrCleared() {
        ResponseCache.Served served = new ResponseCache.Served();
        cache.get("q", () -> answer("heat")).contextWrite(reactor.util.context.Context.of(ResponseCache.Served.class, served)).block();
        ResponseCache.Answer answer = served.single().orElseThrow();

        assertThat(answer.fresh()).isTrue();
        assertThat(new String(answer.json(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\"heat\"");
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(answer.fresh()).as("past its TTL").isFalse();
        now.set(0);
        cache.clear();
        assertThat(answer.fresh()).as("cleared").isFalse();
    }

    @Test
    void coalescesConcurrentMissesIntoOneCall() {
        Sinks.One<String> elasticsearch = Sinks.one();
        Mono<Cached<String>> first = cache.get("q", () -> awaited(elasticsearch));
        Mono<Cached<String>> second = cache.get("q", () -> answer("never asked"));

        StepVerifier.create(Mono.zip(first, second))
                .then(() -> elasticsearch.tryEmitValue("heat"))
                .assertNext(both -> {
                    assertThat(both.getT1().value()).isEqualTo("heat");
                    assertThat(both.getT2().value()).isEqualTo("heat");
                })
                .verifyComplete();
        assertThat(calls).hasValue(1);
    }

    @Test
    void doesNotCacheFailures() {
        StepVerifier.create(cache.get("q", () -> Mono.<String>error(new IllegalStateException("down")))).verifyError(IllegalStateException.class);

        StepVerifier.create(cache.get("q", () -> answer("heat"))).assertNext(a -> assertThat(a.source()).isEqualTo(Cached.Source.MISS))
                .verifyComplete();
    }

    @Test
    void servesAStaleAnswerWhileOneCallRevalidatesIt() {
        cache.get("q", () -> answer("old")).block();
        now.addAndGet(Duration.ofSeconds(11).toNanos());

        Cached<String> stale = cache.get("q", () -> answer("new")).block();
        Cached<String> staleAgain = cache.get("q", () -> answer("newer")).block();
        Cached<String> fresh = cache.get("q", () -> answer("newest")).block();

        assertThat(stale.source()).isEqualTo(Cached.Source.STALE);
        assertThat(stale.value()).isEqualTo("old");
        assertThat(fresh.source()).isEqualTo(Cached.Source.HIT);
        assertThat(fresh.value()).as("replaced by the first revalidation").isIn("new", "newer");
        assertThat(staleAgain.value()).isIn("old", "new");
        assertThat(calls.get()).isBetween(2, 3);
    }

    @Test
    void afterAFlipServesTheOldAnswerOnlyUntilTheNewIndexAnswers() {
        Cached<String> before = cache.get("q", () -> answer("v1")).block();
        generation.set("movies-v2");
        Sinks.One<String> newIndex = Sinks.one();

        Cached<String> meanwhile = cache.get("q", () -> awaited(newIndex)).block();
        assertThat(meanwhile.source()).isEqualTo(Cached.Source.STALE);
        assertThat(meanwhile.value()).isEqualTo("v1");
        assertThat(meanwhile.etag()).isEqualTo(before.etag());

        newIndex.tryEmitValue("v2");
        Cached<String> after = cache.get("q", () -> answer("never asked")).block();
        assertThat(after.source()).isEqualTo(Cached.Source.HIT);
        assertThat(after.value()).isEqualTo("v2");
        assertThat(after.etag()).startsWith("\"movies-v2.").isNotEqualTo(before.etag());
        assertThat(calls).hasValue(2);
    }

    @Test
    void aRequestNeverAnsweredBeforeTheFlipIsAMiss() {
        cache.get("q", () -> answer("v1")).block();
        generation.set("movies-v2");

        Cached<String> other = cache.get("other", () -> answer("v2")).block();

        assertThat(other.source()).isEqualTo(Cached.Source.MISS);
        assertThat(other.value()).isEqualTo("v2");
    }

    @Test
    void servesAnAnswerPastRevalidationOnlyWhenElasticsearchCannotReplaceIt() {
        cache.get("q", () -> answer("old")).block();
        now.addAndGet(Duration.ofSeconds(41).toNanos());

        Cached<String> degraded = cache.get("q", this::unavailable).block();
        assertThat(degraded.source()).isEqualTo(Cached.Source.STALE_IF_ERROR);
        assertThat(degraded.value()).isEqualTo("old");
        assertThat(cache.ok(degraded).build().getHeaders()).containsEntry("Warning", List.of("111 - \"Revalidation Failed\""))
                .containsEntry(ResponseCache.X_CACHE, List.of("stale"));

        Cached<String> recovered = cache.get("q", () -> answer("new")).block();
        assertThat(recovered.source()).isEqualTo(Cached.Source.MISS);
        assertThat(recovered.value()).isEqualTo("new");
        assertThat(cache.get("q", () -> answer("never asked")).block().source()).isEqualTo(Cached.Source.HIT);
    }

    @Test
    void keepsNoAnswerPastStaleIfError() {
        cache.get("q", () -> answer("old")).block();
        now.addAndGet(Duration.ofSeconds(10 + 30).plus(Duration.ofMinutes(10)).plusSeconds(1).toNanos());

        StepVerifier.create(cache.get("q", this::unavailable)).verifyError(CatalogUnavailableException.class);
    }

    @Test
    void doesNotHideAFailureThatIsNotAnOutage() {
        cache.get("q", () -> answer("old")).block();
        now.addAndGet(Duration.ofSeconds(41).toNanos());

        StepVerifier.create(cache.get("q", () -> Mono.<String>error(new IllegalArgumentException("bad query")))).verifyError(IllegalArgumentException.class);
    }

    @Test
    void askedPastRevalidationByManyMakesOneCall() {
        cache.get("q", () -> answer("old")).block();
        now.addAndGet(Duration.ofSeconds(41).toNanos());
        Sinks.One<String> elasticsearch = Sinks.one();

        Mono<Cached<String>> first = cache.get("q", () -> awaited(elasticsearch));
        Mono<Cached<String>> second = cache.get("q", () -> answer("never asked"));

        StepVerifier.create(Mono.zip(first, second))
                .then(() -> elasticsearch.tryEmitValue("new"))
                .assertNext(both -> assertThat(List.of(both.getT1().value(), both.getT2().value())).containsOnly("new"))
                .verifyComplete();
        assertThat(calls).hasValue(2);
    }

    @Test
    void marksAStaleAnswerWithAWarning() {
        cache.get("q", () -> answer("old")).block();
        now.addAndGet(Duration.ofSeconds(11).toNanos());

        Cached<String> stale = cache.get("q", () -> answer("new")).block();

        assertThat(cache.ok(stale).build().getHeaders()).containsEntry("Warning", List.of("110 - \"Response is Stale\""))
                .containsEntry(ResponseCache.X_CACHE, List.of("stale"));
    }

    /** A call to Elasticsearch that answers when the test says so. */
    private Mono<String> awaited(Sinks.One<String> elasticsearch) {
        calls.incrementAndGet();
        return elasticsearch.asMono();
    }

    private Mono<String> unavailable() {
        calls.incrementAndGet();
        return Mono.error(new CatalogUnavailableException("Elasticsearch unreachable", null));
    }

    private Mono<String> answer(String value) {
        return Mono.fromSupplier(() -> {
            calls.incrementAndGet();
            return value;
        });
    }

    @Test
    void keepsTheHeapItsAnswersTakeWithinItsBudget() {
        ResponseCache small = new ResponseCache(new CacheProperties(100_000, DataSize.ofKilobytes(64), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(5)), generation::get, new ObjectMapper(), now::get,
                new SimpleMeterRegistry());
        String kilobyte = "x".repeat(1024);
        for (int i = 0; i < 200; i++) {
            int n = i;
            Cached<String> answer = small.get("q" + i, () -> Mono.just(kilobyte + n)).block(Duration.ofSeconds(5));
            assertThat(answer.value()).endsWith(Integer.toString(i));
        }
        // Each answer weighs three times its JSON and more: 64 KB holds some twenty of them, not 200.
        assertThat(small.weight()).isPositive().isLessThanOrEqualTo(64 * 1024);
        Cached<String> huge = small.get("huge", () -> Mono.just("y".repeat(100 * 1024))).block(Duration.ofSeconds(5));
        assertThat(huge.value()).hasSize(100 * 1024);
        assertThat(small.weight()).isLessThanOrEqualTo(64 * 1024);
    }
}
