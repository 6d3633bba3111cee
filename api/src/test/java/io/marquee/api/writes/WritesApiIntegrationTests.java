package io.marquee.api.writes;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.movie.MovieIds;
import io.marquee.localservers.aws.LocalAws;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through the API land in S3 (S3Proxy here, through the real SDK), never in Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "marquee.api.writes.enabled=true")
@ElasticsearchTest
class WritesApiIntegrationTests {

    private static final LocalAws AWS = start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, WritesApiIntegrationTests.class);
        registry.add("marquee.api.writes.s3-endpoint", () -> AWS.endpoint().s3().toString());
        registry.add("marquee.api.writes.access-key", () -> AWS.endpoint().accessKey());
        registry.add("marquee.api.writes.secret-key", () -> AWS.endpoint().secretKey());
        registry.add("marquee.api.writes.bucket", () -> AWS.names().bucket());
    }

    @AfterAll
    static void stop() {
        AWS.close();
    }

    private final WebTestClient http;

    WritesApiIntegrationTests(WebTestClient http) {
        this.http = http.mutate().defaultHeader("X-Api-Key", ApiTestSupport.WRITER_KEY).build();
    }

    @Test
    void refusesABodyLargerThanAnyMovie() {
        String huge = "{\"title\": \"Huge\", \"year\": 2024, \"extract\": \"" + "x".repeat(100_000) + "\"}";

        http.post().uri("/v1/movies").contentType(MediaType.APPLICATION_JSON).bodyValue(huge).exchange()
                .expectStatus().isEqualTo(413).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void storesAValidMovieUnderTheApiProviderAndAccepts() {
        String movie = "{\"title\": \"Api Film\", \"year\": 2024, \"cast\": [\"Someone\"], \"genres\": [\"Drama\"], \"href\": \"Api_Film\"}";

        Accepted accepted = http.post().uri("/v1/movies").contentType(MediaType.APPLICATION_JSON).bodyValue(movie).exchange()
                .expectStatus().isAccepted()
                .expectHeader().location("/v1/movies/" + MovieIds.of("Api Film", 2024, "Api_Film"))
                .expectBody(Accepted.class).returnResult().getResponseBody();

        assertThat(accepted.key()).matches("incoming/api/\\d{4}/\\d{2}/\\d{2}/[0-9a-f-]{36}\\.json");
        assertThat(accepted.id()).isEqualTo(MovieIds.of("Api Film", 2024, "Api_Film"));
        try (S3Client s3 = AWS.s3Client()) {
            String stored = s3.getObjectAsBytes(g -> g.bucket(AWS.names().bucket()).key(accepted.key())).asUtf8String();
            assertThat(stored).contains("\"title\":\"Api Film\"");
        }
    }

    @Test
    void acceptsTheOriginalContractsRouteToo() {
        http.post().uri("/movie").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": \"Old Route\", \"year\": 1999}").exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void rejectsAnInvalidMovieWithItsReason() {
        http.post().uri("/v1/movies").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\": \"Too Early\", \"year\": 1850}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("year 1850 is outside 1870–2100");
        http.post().uri("/v1/movies").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static LocalAws start() {
        try {
            return LocalAws.start(Files.createTempDirectory("api-writes-s3"), LocalAws.Names.defaults());
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
