package io.marquee.api.identity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

/**
 * On Kubernetes, Spring Boot would have Reactor Netty take {@code X-Forwarded-For} as the connection's address unless
 * told otherwise; then a client could name itself anyone and get a fresh rate limit each time. Here the platform is
 * Kubernetes and loopback is not a trusted proxy: two requests naming different addresses are one source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.main.cloud-platform=kubernetes",
    "marquee.api.identity.trusted-proxies=10.255.255.1", "marquee.api.access.anonymous.rate=1", "marquee.api.access.anonymous.burst=1"})
@ElasticsearchTest
class ForwardedHeadersIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, ForwardedHeadersIntegrationTests.class);
    }

    private final WebTestClient http;

    ForwardedHeadersIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void believesNoForwardedForFromAnUntrustedPeerEvenOnKubernetes() {
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", "203.0.113.10").exchange().expectStatus().value(status ->
                org.assertj.core.api.Assertions.assertThat(status).isNotEqualTo(429));
        http.get().uri("/movies/year/1995").header("X-Forwarded-For", "203.0.113.11").header("Forwarded", "for=203.0.113.12").exchange()
                .expectStatus().isEqualTo(429);
    }
}
