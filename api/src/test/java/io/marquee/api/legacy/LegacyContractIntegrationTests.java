package io.marquee.api.legacy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.api.SampleCatalogue;
import io.marquee.api.catalog.MovieView;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class LegacyContractIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, LegacyContractIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(LegacyContractIntegrationTests.class);
    }

    private final WebTestClient http;

    LegacyContractIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void listsTheMoviesOfAYearWithTheirTotal() {
        long expected = SampleCatalogue.count(m -> m.year() == 2015);
        EntityExchangeResult<List<MovieView>> result = movies("/movies/year/2015");

        assertThat(result.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo(Long.toString(expected));
        assertThat(result.getResponseBody()).hasSize((int) expected).allSatisfy(m -> assertThat(m.year()).isEqualTo(2015));
        assertThat(result.getResponseBody().get(0).title()).isNotBlank();
        assertThat(result.getResponseBody().get(0).cast()).isNotNull();
        assertThat(result.getResponseBody().get(0).genres()).isNotNull();
    }

    @Test
    void findsTitlesExactlyIgnoringCaseAndAccents() {
        assertThat(movies("/movies/name/Titanic").getResponseBody()).extracting(MovieView::year).containsExactly(1953, 1996, 1997);
        assertThat(movies("/movies/name/titanic").getResponseBody()).hasSize(3);
        assertThat(movies("/movies/name/LEON: THE PROFESSIONAL").getResponseBody()).extracting(MovieView::title)
                .containsExactly("Léon: The Professional");
        http.get().uri("/movies/name/Titani").exchange().expectStatus().isNotFound();
    }

    @Test
    void findsCastMembersIgnoringCaseAndAccents() {
        assertThat(movies("/movies/castmember/Penelope Cruz").getResponseBody()).hasSize(24);
        assertThat(movies("/movies/castmember/tom cruise").getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("45");
    }

    @Test
    void findsGenresUnderEverySpelling() {
        long sports = SampleCatalogue.count(m -> m.genres().contains("Sport") || m.genres().contains("Sports"));
        assertThat(movies("/movies/genre/sport").getResponseHeaders().getFirst("X-Total-Count")).isEqualTo(Long.toString(sports));
    }

    @Test
    void limitsTheListButCountsEverything() {
        EntityExchangeResult<List<MovieView>> result = movies("/movies/castmember/Tom Cruise?limit=5");

        assertThat(result.getResponseBody()).hasSize(5);
        assertThat(result.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("45");
        assertThat(result.getResponseBody()).extracting(MovieView::year).isSorted();
    }

    @Test
    void answersNotFoundWhenNothingMatches() {
        http.get().uri("/movies/year/1871").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No movies from 1871");
        http.get().uri("/movies/castmember/Nobody At All").exchange().expectStatus().isNotFound();
    }

    @Test
    void rejectsBadYearsAndLimits() {
        http.get().uri("/movies/year/nineteen").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("year must be a whole number between 1870 and 2100, not 'nineteen'");
        http.get().uri("/movies/year/3000").exchange().expectStatus().isBadRequest();
        http.get().uri("/movies/year/2015?limit=1001").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("limit must be between 1 and 1000, not 1001");
        http.get().uri("/movies/year/2015?limit=lots").exchange().expectStatus().isBadRequest();
    }

    private EntityExchangeResult<List<MovieView>> movies(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<MovieView>>() {
                }).returnResult();
    }
}
