package io.marquee.api.catalog;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class ReadinessIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, ReadinessIntegrationTests.class);
    }

    private final WebTestClient http;

    ReadinessIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void isReadyOnlyOnceTheReadAliasExists() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("OUT_OF_SERVICE");
        http.get().uri("/v1/movies?q=heat").exchange().expectStatus().isEqualTo(503);

        ApiTestSupport.loadSample(ReadinessIntegrationTests.class);

        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void publishesOpenApi() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/v1/movies']").exists()
                .jsonPath("$.paths['/movies/year/{year}']").exists();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }
}
