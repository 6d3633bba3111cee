package io.marquee.api.cache;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.api.catalog.MovieView;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache holds to its byte budget whatever clients ask: thousands of distinct lookups, in every spelling and
 * limit, keep it under {@code max-bytes} and the API answering; spellings and limits of one lookup share its entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "marquee.api.cache.max-bytes=2MB", "marquee.api.cache.max-entries=100000",
    // 2,000 requests from one address: the limiter is not what this test is about.
    "marquee.api.access.anonymous.rate=100000", "marquee.api.access.anonymous.burst=200000"})
@ElasticsearchTest
class CacheBudgetIntegrationTests {

    private static final long BUDGET = 2L << 20;

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, CacheBudgetIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(CacheBudgetIntegrationTests.class);
    }

    private final WebTestClient http;
    private final ResponseCache cache;

    CacheBudgetIntegrationTests(WebTestClient http, ResponseCache cache) {
        this.http = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 << 20)).build();
        this.cache = cache;
    }

    @Test
    void staysWithinItsBudgetThroughTwoThousandDistinctLookups() {
        List<String> genres = List.of("Drama", "drama", "DRAMA", "Comedy", "comedy", "Sport", "sports", "Thriller", "Action", "Romance");
        int sent = 0;
        for (int limit = 701; sent < 2000; limit++) {
            String genre = genres.get(sent % genres.size());
            int status = http.get().uri("/movies/genre/{genre}?limit={limit}", genre, limit % 1000 + 1).exchange().expectBody().returnResult()
                    .getStatus().value();
            assertThat(status).isIn(200, 404);
            sent++;
            int year = 1990 + sent % 30;
            assertThat(http.get().uri("/movies/year/{year}?limit={limit}", year, limit % 1000 + 1).exchange().expectBody().returnResult()
                    .getStatus().value()).isIn(200, 404);
            sent++;
            assertThat(cache.weight()).as("cached bytes after %d requests", sent).isLessThanOrEqualTo(BUDGET);
        }
        http.get().uri("/v1/movies?q=heat").exchange().expectStatus().isOk();
        assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void letsSpellingsAndLimitsOfOneLookupShareItsEntries() {
        var first = http.get().uri("/movies/genre/Horror?limit=700").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(ResponseCache.X_CACHE, "miss").expectBody(new ParameterizedTypeReference<List<MovieView>>() {
                }).returnResult();
        var second = http.get().uri("/movies/genre/HORROR?limit=3").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(ResponseCache.X_CACHE, "miss").expectBody(new ParameterizedTypeReference<List<MovieView>>() {
                }).returnResult();
        var third = http.get().uri("/movies/genre/horror?limit=900").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(ResponseCache.X_CACHE, "hit").expectBody(new ParameterizedTypeReference<List<MovieView>>() {
                }).returnResult();

        assertThat(second.getResponseBody()).hasSize(3).isEqualTo(first.getResponseBody().subList(0, 3));
        assertThat(third.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(first.getResponseHeaders().getETag()).isNotEqualTo(second.getResponseHeaders().getETag());
    }
}
