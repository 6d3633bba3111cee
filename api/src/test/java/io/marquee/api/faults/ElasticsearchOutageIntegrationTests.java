package io.marquee.api.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.api.ApiTestSupport;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.testsupport.elasticsearch.LocalElasticsearch;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault test 2: all of Elasticsearch stops under steady load, then comes back. Answers the API has cached keep coming,
 * marked stale; others get 503 with Retry-After within their timeout; readiness says DEGRADED (still ready); and once
 * Elasticsearch is back, full service resumes without restarting the API. The figures are printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "marquee.api.cache.ttl=1s", "marquee.api.cache.stale-while-revalidate=1s", "marquee.api.cache.stale-if-error=10m",
    "marquee.api.catalog.search-timeout=1s", "marquee.api.catalog.lookup-timeout=500ms", "marquee.api.catalog.retry-after=3s",
    "marquee.api.catalog.resilience.open-for=2s"})
class ElasticsearchOutageIntegrationTests {

    private static final LocalElasticsearch ELASTICSEARCH = LocalElasticsearch.start(LocalElasticsearch.Options.singleNode().withHeap("512m"));
    private static final List<String> CACHED = List.of("/movies/year/1995", "/movies/genre/Comedy", "/movies/castmember/Al%20Pacino",
            "/v1/movies?q=heat", "/v1/movies?genre=Drama&facets=decade", "/v1/suggest?q=ter");
    private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(1);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger uncached = new AtomicInteger();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.load(ELASTICSEARCH.endpoint(), ElasticsearchOutageIntegrationTests.class, LocalMovieFiles.at(ApiTestSupport.SAMPLE));
        registry.add("spring.elasticsearch.uris", () -> ELASTICSEARCH.endpoint().urisAsString());
        registry.add("marquee.api.catalog.index-prefix", () -> TestIndices.prefixFor(ElasticsearchOutageIntegrationTests.class));
    }

    @AfterAll
    static void stop() {
        ELASTICSEARCH.close();
    }

    @Test
    void servesCachedAnswersThroughAnOutageAndRecoversWithoutARestart() throws Exception {
        for (String path : CACHED) {
            assertThat(get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");

        ELASTICSEARCH.nodes().get(0).stop();
        // Past the cache's freshness and revalidation windows: every cached answer now needs Elasticsearch, and has to
        // fall back on the cache.
        Thread.sleep(2_500);
        Phase outage = load(Duration.ofSeconds(6));

        assertThat(outage.cached).as("cached answers during the outage").isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-Cache")).isEqualTo("stale");
            assertThat(answer.header("Warning")).startsWith("11");
        });
        assertThat(outage.uncached).as("new questions during the outage").isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isEqualTo("3");
            assertThat(answer.body()).doesNotContainIgnoringCase("elasticsearch").doesNotContain("Exception");
        });
        assertThat(outage.slowest()).as("nothing waits past its timeout").isLessThan(SEARCH_TIMEOUT.plusMillis(1_500));
        Answer readiness = get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"DEGRADED\"");

        ELASTICSEARCH.nodes().get(0).start();
        ELASTICSEARCH.awaitHealth("yellow", Duration.ofMinutes(2));
        long restarted = System.nanoTime();
        // The circuit lets a few calls test Elasticsearch before it closes: full service is back once readiness says UP.
        Answer ready = await("/actuator/health/readiness", answer -> answer.body().contains("\"UP\""), Duration.ofSeconds(30));
        Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
        assertThat(ready.body()).contains("\"UP\"");
        Phase after = load(Duration.ofSeconds(3));

        assertThat(after.cached).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(after.uncached).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(after.cached).anySatisfy(answer -> assertThat(answer.header("X-Cache")).isIn("hit", "miss"));

        System.out.printf("""
                Elasticsearch outage (fault test 2), single node stopped then restarted:
                | phase | cached requests | non-200 | uncached requests | non-503 | p99 ms | max ms |
                |---|---|---|---|---|---|---|
                | outage | %d | %d | %d | %d | %.1f | %.1f |
                | after restart | %d | %d | %d | %d (non-200) | %.1f | %.1f |
                ready (UP) again %d ms after Elasticsearch was healthy again
                %n""", outage.cached.size(), outage.cached.stream().filter(a -> a.status() != 200).count(), outage.uncached.size(),
                outage.uncached.stream().filter(a -> a.status() != 503).count(), outage.p99(), outage.slowest().toNanos() / 1e6,
                after.cached.size(), after.cached.stream().filter(a -> a.status() != 200).count(), after.uncached.size(),
                after.uncached.stream().filter(a -> a.status() != 200).count(), after.p99(), after.slowest().toNanos() / 1e6,
                recovery.toMillis());
    }

    /** Four clients for {@code duration}: three ask the cached questions in turn, one asks a new question each time. */
    private Phase load(Duration duration) throws InterruptedException {
        Phase phase = new Phase();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            boolean asksNew = c == 0;
            int offset = c;
            Thread thread = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    if (asksNew) {
                        phase.uncached.add(get("/v1/movies?q=uncached+" + uncached.incrementAndGet()));
                    }
                    else {
                        phase.cached.add(get(CACHED.get(i % CACHED.size())));
                    }
                }
            });
            clients.add(thread);
            thread.start();
        }
        for (Thread thread : clients) {
            thread.join();
        }
        return phase;
    }

    private Answer await(String path, java.util.function.Predicate<Answer> condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Answer answer = get(path);
        while (!condition.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = get(path);
        }
        return answer;
    }

    private Answer get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body(), Duration.ofNanos(System.nanoTime() - started));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (java.io.IOException ex) {
            return new Answer(0, null, ex.toString(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private record Answer(int status, java.net.http.HttpHeaders headers, String body, Duration took) {

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " X-Cache=" + header("X-Cache") + " Warning=" + header("Warning") + " in " + took.toMillis() + " ms"
                    + (status == 200 ? "" : ": " + body);
        }
    }

    private static final class Phase {

        final List<Answer> cached = Collections.synchronizedList(new ArrayList<>());
        final List<Answer> uncached = Collections.synchronizedList(new ArrayList<>());

        Duration slowest() {
            return all().stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
        }

        double p99() {
            List<Long> nanos = all().stream().map(answer -> answer.took().toNanos()).sorted().toList();
            return nanos.isEmpty() ? 0 : nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6;
        }

        private List<Answer> all() {
            List<Answer> all = new ArrayList<>(cached);
            all.addAll(uncached);
            return all;
        }
    }
}
