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
import io.marquee.localservers.elasticsearch.ElasticsearchHttp;
import io.marquee.localservers.elasticsearch.ElasticsearchNode;
import io.marquee.localservers.elasticsearch.LocalElasticsearch;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault test 1: a three-node cluster, one replica, and the node holding the catalogue's primary shard killed (as a
 * crash would) under steady load. The API knows every node: requests keep being answered, from the replica, without a
 * failure; the node comes back, the cluster is green again and no movie is lost. The figures are printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "marquee.api.cache.ttl=500ms", "marquee.api.cache.stale-while-revalidate=500ms"})
class NodeFailureIntegrationTests {

    private static final LocalElasticsearch ELASTICSEARCH = LocalElasticsearch.start(LocalElasticsearch.Options.singleNode()
            .withNodes(3).withHeap("384m"));
    private static final String PREFIX = TestIndices.prefixFor(NodeFailureIntegrationTests.class);
    private static final List<String> CACHED = List.of("/movies/year/1995", "/movies/genre/Comedy", "/v1/movies?q=heat",
            "/v1/suggest?q=ter");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.load(ELASTICSEARCH.endpoint(), NodeFailureIntegrationTests.class, LocalMovieFiles.at(ApiTestSupport.SAMPLE));
        ELASTICSEARCH.awaitHealth("green", Duration.ofMinutes(2));
        registry.add("spring.elasticsearch.uris", () -> ELASTICSEARCH.endpoint().urisAsString());
        registry.add("marquee.api.catalog.index-prefix", () -> PREFIX);
    }

    @AfterAll
    static void stop() {
        ELASTICSEARCH.close();
    }

    @Test
    void keepsAnsweringWhenANodeDiesAndLosesNothing() throws Exception {
        SteadyLoad load = new SteadyLoad(port, CACHED);
        long movies = count();
        ElasticsearchNode victim = primaryHolder();
        // Three nodes on two cores start cold: the first searches can outlast their timeouts.
        for (String path : CACHED) {
            assertThat(load.await(path, answer -> answer.status() == 200, Duration.ofSeconds(30)).status()).as(path).isEqualTo(200);
        }
        SteadyLoad.Phase before = load.run(Duration.ofSeconds(3));

        Thread killer = new Thread(() -> {
            sleep(Duration.ofSeconds(1));
            victim.kill();
        });
        killer.start();
        SteadyLoad.Phase during = load.run(Duration.ofSeconds(8));
        killer.join();

        victim.start();
        ELASTICSEARCH.awaitHealth("green", Duration.ofMinutes(2));
        SteadyLoad.Phase after = load.run(Duration.ofSeconds(2));

        for (SteadyLoad.Phase phase : List.of(before, during, after)) {
            assertThat(phase.all()).isNotEmpty().allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        }
        assertThat(during.uncached).as("questions Elasticsearch had to answer while the node was down").hasSizeGreaterThan(10);
        assertThat(count()).isEqualTo(movies);

        System.out.printf("""
                Node failure (fault test 1), 3 nodes, 1 replica, %s killed (held the primary), restarted:
                | phase | requests | of them to Elasticsearch | failed | p99 ms | max ms |
                |---|---|---|---|---|---|
                | before | %d | %d | %d | %.1f | %d |
                | node killed | %d | %d | %d | %.1f | %d |
                | after restart (green) | %d | %d | %d | %.1f | %d |
                movies before %d, after %d
                %n""", victim.name(), before.all().size(), before.uncached.size(), before.count(a -> a.status() != 200), before.p99(),
                before.slowest().toMillis(), during.all().size(), during.uncached.size(), during.count(a -> a.status() != 200), during.p99(),
                during.slowest().toMillis(), after.all().size(), after.uncached.size(), after.count(a -> a.status() != 200), after.p99(),
                after.slowest().toMillis(), movies, count());
    }

    private static ElasticsearchNode primaryHolder() {
        String shards = http().get("/_cat/shards/" + PREFIX + "movies-v*?h=prirep,node").body();
        String node = shards.lines().filter(line -> line.startsWith("p")).map(line -> line.substring(1).strip()).findFirst().orElseThrow();
        return ELASTICSEARCH.nodes().stream().filter(candidate -> candidate.name().equals(node)).findFirst().orElseThrow();
    }

    private static long count() {
        return http().count(PREFIX + "movies");
    }

    private static ElasticsearchHttp http() {
        return new ElasticsearchHttp(ELASTICSEARCH.endpoint());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
