package io.marquee.api.faults;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.api.ApiTestSupport;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.indexer.load.LoadReport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault test 4, the soak: steady API load and ingest together, with no error, and a heap and thread count that stay
 * flat. Short in {@code make test} (20 s); {@code -Dmarquee.soak.duration=10m} (see docs/resilience.md) for the long one.
 */
// A small cache fills within the first round, so what the heap does after that is the API's, not the cache's growth.
// Four clients in a closed loop can outrun the anonymous limit (1,000/s): the soak is about the API, not the limiter.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "marquee.api.cache.ttl=1s", "marquee.api.cache.stale-while-revalidate=1s", "marquee.api.cache.max-entries=200",
    "marquee.api.access.anonymous.rate=100000", "marquee.api.access.anonymous.burst=200000"})
@ElasticsearchTest
class SoakIntegrationTests {

    private static final Duration DURATION = Duration.parse("PT" + System.getProperty("marquee.soak.duration", "20s").toUpperCase());
    private static final Duration ROUND = Duration.ofSeconds(5);
    private static final List<String> CACHED = List.of("/movies/year/1995", "/movies/genre/Comedy", "/v1/movies?q=heat",
            "/v1/movies?genre=Drama&facets=decade,genres", "/v1/suggest?q=ter", "/movies/castmember/Al%20Pacino");

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, SoakIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(SoakIntegrationTests.class);
    }

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void servesAndIngestsWithoutErrorsOrGrowth() throws Exception {
        SteadyLoad load = new SteadyLoad(port, CACHED);
        load.run(ROUND);
        long heapBefore = heapAfterGc();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<SteadyLoad.Phase> rounds = new ArrayList<>();
        long ingested = 0;
        int round = 0;
        for (long end = System.nanoTime() + DURATION.toNanos(); System.nanoTime() < end; round++) {
            Thread ingest = new Thread(ingester(round));
            ingest.start();
            rounds.add(load.run(ROUND));
            ingest.join();
            ingested++;
        }
        long heapAfter = heapAfterGc();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();

        long requests = rounds.stream().mapToLong(phase -> phase.all().size()).sum();
        long failed = rounds.stream().mapToLong(phase -> phase.count(answer -> answer.status() != 200)).sum();
        double p99 = rounds.stream().mapToDouble(SteadyLoad.Phase::p99).max().orElse(0);
        System.out.printf("""
                Soak (fault test 4), %s: %d requests (%d to Elasticsearch), %d failed, worst p99 of a %d s round %.1f ms,
                %d ingest loads; heap after GC %d MB -> %d MB, threads %d -> %d
                %n""", DURATION, requests, rounds.stream().mapToLong(phase -> phase.uncached.size()).sum(), failed, ROUND.toSeconds(), p99,
                ingested, heapBefore >> 20, heapAfter >> 20, threadsBefore, threadsAfter);

        assertThat(failed).isZero();
        assertThat(heapAfter).as("heap after GC").isLessThan(heapBefore + Math.max(heapBefore / 2, 64L << 20));
        assertThat(threadsAfter).as("threads").isLessThanOrEqualTo(threadsBefore + 8);
    }

    /** One delivery per round: a movie whose cast changes every time, as a provider's corrections would. */
    private Runnable ingester(int round) {
        return () -> {
            try {
                Path file = Files.writeString(dir.resolve("soak-" + round + ".ndjson"), "{\"title\":\"Soak Test\",\"year\":2001,\"cast\":[\"Actor "
                        + round + "\"],\"genres\":[\"Drama\"]}\n");
                LoadReport report = ApiTestSupport.load(SoakIntegrationTests.class, LocalMovieFiles.at(file));
                assertThat(report.failures()).isEmpty();
                assertThat(report.indexed()).isEqualTo(1);
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        };
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
