package io.marquee.api.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

/**
 * Browsers: security headers on every answer, cross-origin reads for the configured UI only, and bounds on the
 * request line and headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "marquee.api.web.cors-origins=https://ui.example")
@ElasticsearchTest
class BrowserPolicyIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, BrowserPolicyIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(BrowserPolicyIntegrationTests.class);
    }

    private final WebTestClient http;

    BrowserPolicyIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void sendsSecurityHeadersWithEveryAnswer() {
        for (String path : new String[] {"/movies/year/1995", "/v1/nothing-here", "/v1/movies/x/history"}) {
            http.get().uri(path).exchange().expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY").expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void servesTheSearchPageWithAContentPolicyOfItsOwn() {
        http.get().uri("/").exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/html")
                .expectHeader().value("Content-Security-Policy", policy -> org.assertj.core.api.Assertions.assertThat(policy)
                        .contains("script-src 'self'", "connect-src 'self'", "img-src 'self' https://upload.wikimedia.org",
                                "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
        http.get().uri("/ui/app.js").exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/javascript");
        http.get().uri("/ui/styles.css").exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void letsTheUiOriginReadAnswersAndNoOtherOrigin() {
        http.method(HttpMethod.OPTIONS).uri("/v1/movies?q=heat").header("Origin", "https://ui.example")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "X-Api-Key").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Access-Control-Allow-Origin", "https://ui.example");
        http.method(HttpMethod.OPTIONS).uri("/v1/movies?q=heat").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isForbidden().expectHeader().doesNotExist("Access-Control-Allow-Origin");

        http.get().uri("/movies/year/1995").header("Origin", "https://ui.example").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://ui.example")
                .expectHeader().value("Access-Control-Expose-Headers", exposed -> org.assertj.core.api.Assertions.assertThat(exposed)
                        .contains("ETag", "X-Request-Id", "X-Total-Count", "RateLimit-Remaining"));
        http.get().uri("/movies/year/1995").header("Origin", "https://evil.example").exchange().expectStatus().isForbidden();
    }

    @Test
    void boundsTheRequestLineAndHeaders() {
        http.get().uri("/v1/movies?q=" + "a".repeat(5_000)).exchange().expectStatus().isEqualTo(414);
        http.get().uri("/v1/movies?q=heat").header("X-Padding", "p".repeat(9_000)).exchange().expectStatus().isEqualTo(431);
    }
}
