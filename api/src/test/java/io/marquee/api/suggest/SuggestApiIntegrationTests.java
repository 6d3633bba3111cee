package io.marquee.api.suggest;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Typeahead over the sample catalogue in a real Elasticsearch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class SuggestApiIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, SuggestApiIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(SuggestApiIntegrationTests.class);
    }

    private final WebTestClient http;

    SuggestApiIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void completesTitlesAsPeopleType() {
        List<Suggestion> found = suggest("jurassic pa");
        assertThat(found).first().isEqualTo(new Suggestion("title", "Jurassic Park", found.get(0).id(), 1993));
        assertThat(found.get(0).id()).startsWith("jurassic-park-1993-");
        assertThat(titles(suggest("titan"))).contains("Titanic", "Titanic 3D");
    }

    @Test
    void completesCastNamesOnEveryWordTypedSoFarWithTheirAccents() {
        assertThat(suggest("tom cru")).contains(new Suggestion("cast", "Tom Cruise", null, null));
        assertThat(suggest("penelope c")).contains(new Suggestion("cast", "Penélope Cruz", null, null));
    }

    @Test
    void toleratesATypoFromFourCharacters() {
        assertThat(titles(suggest("jurasic par"))).contains("Jurassic Park");
        assertThat(suggest("tom crui")).contains(new Suggestion("cast", "Tom Cruise", null, null));
    }

    @Test
    void fallsBackToWordsAnywhereInATitle() {
        assertThat(titles(suggest("professional"))).contains("Léon: The Professional");
    }

    @Test
    void limitsAndDeduplicates() {
        List<Suggestion> found = suggest("star", 3);
        assertThat(found).hasSize(3);
        assertThat(found).doesNotHaveDuplicates();
    }

    @Test
    void rejectsAMissingOrOversizedRequest() {
        http.get().uri("/v1/suggest").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.parameter").isEqualTo("q");
        http.get().uri("/v1/suggest?q=star&size=50").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("size");
    }

    private List<Suggestion> suggest(String q) {
        return suggest(q, 8);
    }

    private List<Suggestion> suggest(String q, int size) {
        Suggestions body = http.get().uri(u -> u.path("/v1/suggest").queryParam("q", q).queryParam("size", size).build()).exchange()
                .expectStatus().isOk().expectBody(Suggestions.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return body.suggestions();
    }

    private static List<String> titles(List<Suggestion> suggestions) {
        return suggestions.stream().filter(s -> s.type().equals("title")).map(Suggestion::text).toList();
    }
}
