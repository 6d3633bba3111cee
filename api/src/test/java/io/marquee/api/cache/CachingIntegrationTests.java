package io.marquee.api.cache;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.api.catalog.IndexGeneration;
import io.marquee.schema.IndexNames;
import io.marquee.schema.SchemaInstaller;
import io.marquee.schema.SchemaTemplates;
import io.marquee.movie.MovieDocument;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.movie.MovieJson;
import io.marquee.movie.MovieSource;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.SharedElasticsearch;
import io.marquee.testsupport.elasticsearch.TestClients;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response cache against a real Elasticsearch: ETags and 304, coalesced misses, and an alias flip retiring
 * every cached answer of the old index within the generation refresh, whatever the TTL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachingIntegrationTests {

    private static final Duration REFRESH = Duration.ofMillis(200);

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, CachingIntegrationTests.class);
        registry.add("marquee.api.catalog.generation-refresh", () -> REFRESH.toMillis() + "ms");
        registry.add("marquee.api.cache.ttl", () -> "10m");
    }

    private final WebTestClient http;
    private final IndexGeneration generation;
    private final ResponseCache cache;
    private final ElasticsearchClient elasticsearch = TestClients.blocking(SharedElasticsearch.endpoint(), MovieJson.jsonpMapper());
    private final IndexNames names = new IndexNames(TestIndices.prefixFor(CachingIntegrationTests.class));
    private final MovieIndexAdmin admin = new MovieIndexAdmin(elasticsearch, new SchemaInstaller(elasticsearch, new SchemaTemplates(names)));

    private final ServerCodecConfigurer codecs;

    CachingIntegrationTests(WebTestClient http, IndexGeneration generation, ResponseCache cache, ServerCodecConfigurer codecs) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(10)).build();
        this.generation = generation;
        this.cache = cache;
        this.codecs = codecs;
    }

    @BeforeAll
    void loadSample() {
        TestIndices.onSharedCluster(admin.names().prefix()).deleteAll();
        ApiTestSupport.loadSample(CachingIntegrationTests.class);
        generation.resolve().block();
    }

    @AfterAll
    void disconnect() throws IOException {
        elasticsearch._transport().close();
    }

    @Test
    void answersCarryAStrongETagAndA304WhenItMatches() {
        var first = http.get().uri("/v1/movies?q=heat").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=5, public, stale-if-error=3600, stale-while-revalidate=30")
                .expectBody().returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"" + names.versionedIndex(1) + ".").endsWith("\"");

        http.get().uri("/v1/movies?q=heat").exchange().expectStatus().isOk().expectHeader().valueEquals(ResponseCache.X_CACHE, "hit")
                .expectHeader().valueEquals("ETag", etag);
        http.get().uri("/v1/movies?q=heat").header("If-None-Match", etag).exchange().expectStatus().isEqualTo(HttpStatus.NOT_MODIFIED)
                .expectBody().isEmpty();
        http.get().uri("/v1/movies?q=heat").header("If-None-Match", "\"something-else\"").exchange().expectStatus().isOk();
        http.get().uri("/movies/year/1995").exchange().expectStatus().isOk().expectHeader().exists("ETag")
                .expectHeader().exists("X-Total-Count");
    }

    @Test
    void equalRequestsShareOneAnswer() {
        http.get().uri("/v1/movies?q=ronin&size=5").exchange().expectHeader().valueEquals(ResponseCache.X_CACHE, "miss");
        http.get().uri("/v1/movies?size=5&q=Ronin ").exchange().expectHeader().valueEquals(ResponseCache.X_CACHE, "hit");
    }

    @Test
    void concurrentIdenticalMissesMakeOneElasticsearchCall() throws IOException {
        long before = searches();

        List<Integer> statuses = Flux.fromStream(IntStream.range(0, 20).boxed())
                // A search that finds something: one that finds nothing also asks for a re-spelling, a second call.
                .flatMap(i -> Mono.fromCallable(() -> http.get().uri("/v1/movies?q=ronin+de+niro&size=3").exchange()
                        .returnResult(String.class).getStatus().value()).subscribeOn(Schedulers.boundedElastic()), 20)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(20).containsOnly(200);
        assertThat(searches() - before).isEqualTo(1);
    }

    @Test
    void aFlipRetiresCachedAnswersWithinTheGenerationRefresh() throws IOException {
        String query = "/v1/movies?q=flipside+premiere&fuzzy=false";
        http.get().uri(query).exchange().expectBody().jsonPath("$.total").isEqualTo(0);
        http.get().uri(query).exchange().expectHeader().valueEquals(ResponseCache.X_CACHE, "hit");

        String next = names.versionedIndex(2);
        admin.createIndex(next);
        MovieDocument premiere = MovieDocument.of(new MovieDocument.Facts("Flipside Premiere", 2026, List.of("Ada Lovelace"), List.of("Drama"),
                null, "Flipside_Premiere", null, null, null), "test", MovieSource.file("test", 1), Instant.now());
        elasticsearch.index(i -> i.index(next).id(premiere.id()).document(premiere).refresh(Refresh.True));
        admin.flip(names.versionedIndex(1), next);
        long flipped = System.nanoTime();

        while (http.get().uri(query).exchange().returnResult(String.class).getResponseBody().blockFirst().contains("\"total\":0")) {
            assertThat(Duration.ofNanos(System.nanoTime() - flipped)).as("the cached answer outlives the flip").isLessThan(REFRESH.multipliedBy(10));
        }
        assertThat(generation.current()).isEqualTo(next);
        http.get().uri(query).exchange().expectHeader().value("ETag", etag -> assertThat(etag).startsWith("\"" + next + "."));
        admin.flip(next, names.versionedIndex(1));
        generation.resolve().block();
        cache.clear();
    }

    @Test
    void writesJsonWithTheEncoderThatRemembersCachedAnswers() {
        assertThat(codecs.getWriters()).filteredOn(EncoderHttpMessageWriter.class::isInstance)
                .map(writer -> ((EncoderHttpMessageWriter<?>) writer).getEncoder())
                .filteredOn(encoder -> encoder.canEncode(ResolvableType.forClass(Object.class), MediaType.APPLICATION_JSON))
                .first().isInstanceOf(EncodedAnswers.class);
        String first = http.get().uri("/movies/year/1995").exchange().expectBody(String.class).returnResult().getResponseBody();
        http.get().uri("/movies/year/1995").exchange().expectHeader().valueEquals(ResponseCache.X_CACHE, "hit")
                .expectBody(String.class).isEqualTo(first);
    }

    @Test
    void asksTheShardsToCacheSearchesToo() throws IOException {
        long before = shardCacheLookups();

        http.get().uri("/v1/movies?q=shard+cache+of+the+ronin").exchange().expectStatus().isOk();

        // A search that returns hits consults the shard request cache only when asked to (request_cache=true).
        assertThat(shardCacheLookups() - before).isPositive();
    }

    private long shardCacheLookups() throws IOException {
        var requestCache = elasticsearch.indices().stats(s -> s.index(names.readAlias())).all().total().requestCache();
        return requestCache.hitCount() + requestCache.missCount();
    }

    private long searches() throws IOException {
        return elasticsearch.indices().stats(s -> s.index(names.readAlias())).all().total().search().queryTotal();
    }
}
