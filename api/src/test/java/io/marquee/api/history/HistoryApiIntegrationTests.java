package io.marquee.api.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.movie.MovieIds;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class HistoryApiIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, HistoryApiIntegrationTests.class);
    }

    @TempDir
    Path dir;

    private final WebTestClient http;

    HistoryApiIntegrationTests(WebTestClient http) {
        this.http = http.mutate().defaultHeader("X-Api-Key", ApiTestSupport.WRITER_KEY).build();
    }

    @Test
    void listsAMoviesChangesNewestFirst() throws IOException, InterruptedException {
        Path file = dir.resolve("heat.json");
        Files.writeString(file, "{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Al Pacino\"], \"href\": \"Heat\"}");
        ApiTestSupport.load(HistoryApiIntegrationTests.class, LocalMovieFiles.at(file));
        Thread.sleep(5);
        Files.writeString(file, "{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Al Pacino\", \"Robert De Niro\"], \"href\": \"Heat\"}");
        ApiTestSupport.load(HistoryApiIntegrationTests.class, LocalMovieFiles.at(file));
        ApiTestSupport.load(HistoryApiIntegrationTests.class, LocalMovieFiles.at(file));
        String id = MovieIds.of("Heat", 1995, "Heat");

        http.get().uri("/v1/movies/{id}/history", id).exchange().expectStatus().isOk()
                // It depends on the key: no shared cache may keep it or answer another key with it.
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore().cachePrivate())
                .expectHeader().values("Vary", vary -> org.assertj.core.api.Assertions.assertThat(String.join(", ", vary))
                        .contains("X-Api-Key").contains("Authorization"))
                .expectBody()
                .jsonPath("$.movieId").isEqualTo(id)
                .jsonPath("$.changes.length()").isEqualTo(2)
                .jsonPath("$.changes[0].action").isEqualTo("update")
                .jsonPath("$.changes[0].changedFields[0]").isEqualTo("cast")
                .jsonPath("$.changes[1].action").isEqualTo("create")
                .jsonPath("$.changes[1].uri").isEqualTo(file.toUri().toString());
    }

    @Test
    void answersNotFoundForAMovieWithoutHistory() {
        http.get().uri("/v1/movies/never-1999-00000000/history").exchange().expectStatus().isNotFound();
    }
}
