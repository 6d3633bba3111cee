package io.marquee.api.faults;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.api.ApiTestSupport;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.localservers.elasticsearch.LocalElasticsearch;
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
    "marquee.api.catalog.resilience.open-for=2s",
    // Four clients in a closed loop outrun the anonymous limit once stale answers come from memory: this test is about
    // the cache and the circuit, not the limiter (AccessIntegrationTests covers that).
    "marquee.api.access.anonymous.rate=100000", "marquee.api.access.anonymous.burst=200000"})
class ElasticsearchOutageIntegrationTests {

    private static final LocalElasticsearch ELASTICSEARCH = LocalElasticsearch.start(LocalElasticsearch.Options.singleNode().withHeap("512m"));
    private static final List<String> CACHED = List.of("/movies/year/1995", "/movies/genre/Comedy", "/movies/castmember/Al%20Pacino",
            "/v1/movies?q=heat", "/v1/movies?genre=Drama&facets=decade", "/v1/suggest?q=ter");
    private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(1);

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
        SteadyLoad load = new SteadyLoad(port, CACHED);
        for (String path : CACHED) {
            assertThat(load.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(load.get("/actuator/health/readiness").body()).contains("\"UP\"");

        ELASTICSEARCH.nodes().get(0).stop();
        // Past the cache's freshness and revalidation windows: every cached answer now needs Elasticsearch, and has to
        // fall back on the cache.
        Thread.sleep(2_500);
        SteadyLoad.Phase outage = load.run(Duration.ofSeconds(6));

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
        SteadyLoad.Answer readiness = load.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"DEGRADED\"");

        ELASTICSEARCH.nodes().get(0).start();
        ELASTICSEARCH.awaitHealth("yellow", Duration.ofMinutes(2));
        long restarted = System.nanoTime();
        // The circuit lets a few calls test Elasticsearch before it closes: full service is back once readiness says UP.
        SteadyLoad.Answer ready = load.await("/actuator/health/readiness", answer -> answer.body().contains("\"UP\""), Duration.ofSeconds(30));
        Duration recovery = Duration.ofNanos(System.nanoTime() - restarted);
        assertThat(ready.body()).contains("\"UP\"");
        SteadyLoad.Phase after = load.run(Duration.ofSeconds(3));

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
}
