package io.marquee.api.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys, scopes and rate limits through the real server. Each test speaks for its own client address (through
 * X-Forwarded-For from the trusted loopback proxy), so the anonymous limit of one does not spill into another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "marquee.api.access.anonymous.rate=1", "marquee.api.access.anonymous.burst=2"})
// Spring Boot turns metrics export off in tests unless asked: this class checks /actuator/prometheus.
@AutoConfigureObservability
@ElasticsearchTest
class AccessIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, AccessIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(AccessIntegrationTests.class);
    }

    private final WebTestClient http;

    AccessIntegrationTests(WebTestClient http) {
        // /actuator/prometheus, with its SLO buckets, outgrows the test client's default 64 KB buffer.
        this.http = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    @Test
    void limitsAnonymousSearchPerAddressWithRateLimitHeaders() {
        String from = "203.0.113.1";
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", from).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "2").expectHeader().valueEquals("RateLimit-Remaining", "1");
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", from).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", "0");

        http.get().uri("/movies/year/1995").header("X-Forwarded-For", from).exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://marquee.example/problems/rate-limited").jsonPath("$.status").isEqualTo(429);
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", "203.0.113.2").exchange().expectStatus().isOk();
    }

    @Test
    void givesAKeyedClientItsOwnLimit() {
        for (int i = 0; i < 5; i++) {
            http.get().uri("/movies/year/1995").header("X-Forwarded-For", "203.0.113.3").header("X-Api-Key", ApiTestSupport.SEARCH_KEY)
                    .exchange().expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", "200");
        }
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", "203.0.113.3").header("Authorization", "ApiKey " + ApiTestSupport.SEARCH_KEY)
                .exchange().expectStatus().isOk();
    }

    @Test
    void refusesCredentialsItDoesNotKnowAlikeWhateverIsWrong() {
        // Each from its own address: refusals count against their source's limit, two here.
        String unknown = body(http.get().uri("/v1/movies?q=heat").header("X-Forwarded-For", "203.0.113.11").header("X-Api-Key", "not-a-key"), 401);
        String otherScheme = body(http.get().uri("/v1/movies?q=heat").header("X-Forwarded-For", "203.0.113.12")
                .header("Authorization", "Bearer " + ApiTestSupport.SEARCH_KEY), 401);
        String missing = body(http.get().uri("/v1/movies/heat/history").header("X-Forwarded-For", "203.0.113.13"), 401);

        assertThat(unknown).isEqualTo(otherScheme).contains("needs a valid API key").doesNotContain("not-a-key");
        assertThat(missing.replace("/v1/movies/heat/history", "/v1/movies")).isEqualTo(unknown);
    }

    @Test
    void countsRefusedCredentialsAgainstTheirSourceSoGuessingKeysIsLimited() {
        String from = "203.0.113.21";
        body(http.get().uri("/v1/movies?q=heat").header("X-Forwarded-For", from).header("X-Api-Key", "guess-1"), 401);
        body(http.get().uri("/v1/movies?q=heat").header("X-Forwarded-For", from).header("X-Api-Key", "guess-2"), 401);

        http.get().uri("/v1/movies?q=heat").header("X-Forwarded-For", from).header("X-Api-Key", "guess-3").exchange()
                .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://marquee.example/problems/rate-limited");
        // The same address searching anonymously has used the same allowance; another address has its own.
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", from).exchange().expectStatus().isEqualTo(429);
        body(http.get().uri("/v1/movies?q=heat").header("X-Forwarded-For", "203.0.113.22").header("X-Api-Key", "guess-4"), 401);
        // A valid key is its own client, whatever its address did.
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", from).header("X-Api-Key", ApiTestSupport.SEARCH_KEY).exchange()
                .expectStatus().isOk();
    }

    @Test
    void needsTheRightScope() {
        body(http.get().uri("/v1/movies/heat-1995-00000000/history").header("X-Api-Key", ApiTestSupport.SEARCH_KEY), 403);
        body(http.get().uri("/v1/movies?q=heat").header("X-Api-Key", ApiTestSupport.WRITER_KEY), 403);
        body(http.post().uri("/v1/movies").header("X-Api-Key", ApiTestSupport.SEARCH_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"X\", \"year\": 2000}"), 403);
        body(http.get().uri("/actuator/prometheus").header("X-Forwarded-For", "203.0.113.4"), 401);

        http.get().uri("/v1/movies/never-1999-00000000/history").header("X-Api-Key", ApiTestSupport.WRITER_KEY).exchange().expectStatus().isNotFound();
        http.get().uri("/v1/movies?q=heat").header("X-Api-Key", ApiTestSupport.ADMIN_KEY).exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").header("X-Api-Key", "not-a-key").exchange().expectStatus().isOk();
    }

    private static String body(WebTestClient.RequestHeadersSpec<?> request, int status) {
        return request.exchange().expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void countsRequestsPerClientInTheMetrics() {
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", "203.0.113.9").header("X-Api-Key", ApiTestSupport.SEARCH_KEY)
                .exchange().expectStatus().isOk();

        String metrics = http.get().uri("/actuator/prometheus").header("X-Api-Key", ApiTestSupport.ADMIN_KEY).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*client=\"test-search\"[^}]*uri=\"/movies/year/\\{year}\"")
                .contains("resilience4j_circuitbreaker_state{").doesNotContain("203.0.113.9");
    }
}
