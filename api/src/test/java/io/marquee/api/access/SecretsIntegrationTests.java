package io.marquee.api.access;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.SharedElasticsearch;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never leave the API: not the Elasticsearch password it was given, not an API key sent to it (valid or not),
 * in no log line (message, context or stack trace), no answer (body or header) and no actuator endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ElasticsearchTest
class SecretsIntegrationTests {

    private static final String ES_PASSWORD = "es-password-7f3a9c";
    private static final String UNKNOWN_KEY = "unknown-key-1b2c4d";

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> SharedElasticsearch.endpoint().urisAsString());
        // The test cluster does not check credentials; the API is given them all the same, as in production.
        registry.add("spring.elasticsearch.username", () -> "marquee-api");
        registry.add("spring.elasticsearch.password", () -> ES_PASSWORD);
        registry.add("marquee.api.catalog.index-prefix", () -> TestIndices.prefixFor(SecretsIntegrationTests.class));
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(SecretsIntegrationTests.class);
    }

    private final WebTestClient http;

    SecretsIntegrationTests(WebTestClient http) {
        // /actuator/prometheus, with its SLO buckets, outgrows the test client's default 64 KB buffer.
        this.http = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    @Test
    void neverShowsAPasswordOrAKeyInLogsAnswersOrActuatorOutput() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        // At debug, as an operator chasing a problem would set them: secrets stay out even then.
        List<String> verbose = List.of("io.marquee", "org.springframework.web", "org.springframework.http", "org.elasticsearch.client",
                "org.springframework.boot.actuate");
        verbose.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.DEBUG));
        List<EntityExchangeResult<String>> answers = new ArrayList<>();
        try {
            answers.add(http.get().uri("/v1/movies?q=heat").header("X-Api-Key", UNKNOWN_KEY).exchange().expectStatus().isUnauthorized()
                    .expectBody(String.class).returnResult());
            answers.add(http.get().uri("/v1/movies?q=heat").header("Authorization", "ApiKey " + UNKNOWN_KEY).exchange()
                    .expectStatus().isUnauthorized().expectBody(String.class).returnResult());
            answers.add(http.get().uri("/v1/movies?q=heat").header("Authorization", "Bearer " + UNKNOWN_KEY).exchange()
                    .expectStatus().isUnauthorized().expectBody(String.class).returnResult());
            answers.add(http.post().uri("/v1/movies").header("X-Api-Key", ApiTestSupport.SEARCH_KEY).bodyValue("{}").exchange()
                    .expectStatus().isForbidden().expectBody(String.class).returnResult());
            answers.add(http.get().uri("/v1/movies?q=heat").header("X-Api-Key", ApiTestSupport.SEARCH_KEY).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult());
            answers.add(http.get().uri("/v1/movies?year=abc").header("X-Api-Key", ApiTestSupport.SEARCH_KEY).exchange()
                    .expectStatus().isBadRequest().expectBody(String.class).returnResult());
            for (String endpoint : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus")) {
                answers.add(http.get().uri(endpoint).header("X-Api-Key", ApiTestSupport.ADMIN_KEY).exchange().expectStatus().isOk()
                        .expectBody(String.class).returnResult());
            }
            for (String endpoint : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump")) {
                http.get().uri(endpoint).header("X-Api-Key", ApiTestSupport.ADMIN_KEY).exchange().expectStatus().isNotFound();
            }
        }
        finally {
            root.detachAppender(events);
            verbose.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
        }

        // The password also as it travels, in a Basic Authorization header.
        String basic = java.util.Base64.getEncoder().encodeToString(("marquee-api:" + ES_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> secrets = List.of(ES_PASSWORD, basic, UNKNOWN_KEY, ApiTestSupport.SEARCH_KEY, ApiTestSupport.ADMIN_KEY);
        assertThat(events.list).isNotEmpty().allSatisfy(event -> {
            String line = event.getFormattedMessage() + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            secrets.forEach(secret -> assertThat(line).doesNotContain(secret));
        });
        assertThat(answers).allSatisfy(answer -> secrets.forEach(secret -> {
            assertThat(String.valueOf(answer.getResponseBody())).doesNotContain(secret);
            assertThat(answer.getResponseHeaders().toString()).doesNotContain(secret);
        }));
    }
}
