package io.marquee.api.search;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.api.RelevanceSuite;
import io.marquee.api.SampleCatalogue;
import io.marquee.api.catalog.MovieView;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class SearchApiIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, SearchApiIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        assertThat(ApiTestSupport.loadSample(SearchApiIntegrationTests.class).indexed()).isEqualTo(SampleCatalogue.size());
    }

    private final WebTestClient http;

    SearchApiIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void goldenQueriesFindTheMovieMeant() {
        RelevanceSuite.Results results = RelevanceSuite.load("/relevance/sample.tsv").run(http);

        System.out.println(results.report("the sample catalogue", java.nio.file.Path.of("target/relevance-sample.md")));
        assertThat(results.failures()).as("golden queries whose movie came lower than allowed").isEmpty();
    }

    @Test
    void countsFacetsOverEveryMatch() {
        SearchResults page = page("/v1/movies?cast=tom cruise&fuzzy=false&size=1&facets=genres,decade&facets=year");

        assertThat(page.items()).hasSize(1);
        assertThat(page.facets()).containsOnlyKeys("genres", "decade", "year");
        long action = SampleCatalogue.count(m -> m.cast().contains("Tom Cruise") && m.genres().contains("Action"));
        assertThat(page.facets().get("genres")).contains(new FacetCount("Action", action));
        assertThat(page.facets().get("decade").stream().mapToLong(FacetCount::count).sum()).isEqualTo(page.total());
        assertThat(page.facets().get("decade").get(0).value()).isEqualTo("2020s");
        assertThat(page.facets().get("year")).contains(new FacetCount("1986",
                SampleCatalogue.count(m -> m.cast().contains("Tom Cruise") && m.year() == 1986)));
        assertThat(page("/v1/movies?q=heat").facets()).isNull();
    }

    @Test
    void marksWhatMatchedWhenAsked() {
        SearchResults page = page("/v1/movies?q=leon the profesional&highlight=true&size=3");

        MovieView leon = page.items().get(0);
        assertThat(leon.title()).isEqualTo("Léon: The Professional");
        assertThat(page.highlights().get(leon.id()).title()).isEqualTo("<mark>Léon</mark>: <mark>The</mark> <mark>Professional</mark>");
        assertThat(page("/v1/movies?q=leon the professional").highlights()).isNull();
    }

    @Test
    void rejectsAnUnknownFacet() {
        http.get().uri("/v1/movies?facets=genres,budget").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("facets")
                .jsonPath("$.detail").isEqualTo("facets may be genres, decade and year, not 'budget'");
    }

    @Test
    void findsAccentedTitlesWithoutAccents() {
        assertThat(titles("/v1/movies?q=leon the professional")).first().isEqualTo("Léon: The Professional");
        assertThat(titles("/v1/movies?q=mission impossible ghost protocol")).first().isEqualTo("Mission: Impossible – Ghost Protocol");
    }

    @Test
    void matchesCastExactlyIgnoringCaseAndAccents() {
        long cruise = SampleCatalogue.count(m -> m.cast().contains("Tom Cruise"));
        assertThat(cruise).isEqualTo(45);
        assertThat(page("/v1/movies?cast=Tom Cruise&fuzzy=false").total()).isEqualTo(cruise);
        assertThat(page("/v1/movies?cast=tom cruise&fuzzy=false").total()).isEqualTo(cruise);
        assertThat(page("/v1/movies?cast=TOM CRUISE&fuzzy=false").total()).isEqualTo(cruise);
        assertThat(page("/v1/movies?cast=penelope cruz&fuzzy=false").total()).isEqualTo(24);
    }

    @Test
    void toleratesTyposInCastAndTitle() {
        SearchResults cruise = page("/v1/movies?cast=tom cruse&size=10");
        assertThat(cruise.items()).allSatisfy(movie -> assertThat(movie.cast()).contains("Tom Cruise"));
        assertThat(titles("/v1/movies?title=titanc")).first().isEqualTo("Titanic");
        assertThat(page("/v1/movies?cast=penelope cruz").items().get(0).cast()).contains("Penélope Cruz");
    }

    @Test
    void excludesWordsAndPhrasesAndNeverSharesTheirAnswersWithTheWords() {
        assertThat(titles("/v1/movies?q=heat pacino")).contains("Heat");
        assertThat(titles("/v1/movies?q=heat -pacino")).isNotEmpty().doesNotContain("Heat");
        assertThat(titles("/v1/movies?q=heat -\"al pacino\"")).isNotEmpty().doesNotContain("Heat");
        assertThat(titles("/v1/movies?q=\"jurassic park\"")).allSatisfy(t -> assertThat(t).containsIgnoringCase("jurassic park"));
    }

    @Test
    void offersTheCataloguesSpellingOnlyWhenNothingMatches() {
        SearchResults nothing = page("/v1/movies?q=kurassic park");
        assertThat(nothing.total()).isZero();
        assertThat(nothing.didYouMean()).isEqualTo("jurassic park");
        assertThat(page("/v1/movies?q=jurassic park").didYouMean()).isNull();
        assertThat(page("/v1/movies?q=zzqxv").didYouMean()).as("no term of the catalogue is close").isNull();
    }

    @Test
    void rejectsTyposWhenFuzzyIsOff() {
        assertThat(page("/v1/movies?title=titanc&fuzzy=false").total()).isZero();
    }

    @Test
    void exactTitleRanksFirst() {
        assertThat(titles("/v1/movies?q=alien")).first().isEqualTo("Alien");
        assertThat(titles("/v1/movies?q=aliens")).first().isEqualTo("Aliens");
        assertThat(titles("/v1/movies?title=jurassic park")).first().isEqualTo("Jurassic Park");
    }

    @Test
    void findsEveryTitanicByExactTitle() {
        SearchResults titanic = page("/v1/movies?title=titanic&fuzzy=false&sort=year");
        assertThat(titanic.items()).extracting(MovieView::year).containsExactly(1953, 1996, 1997);
    }

    @Test
    void combinesCastAndYear() {
        SearchResults cruise1986 = page("/v1/movies?cast=tom cruise&year=1986");
        assertThat(cruise1986.total()).isEqualTo(SampleCatalogue.count(m -> m.year() == 1986 && m.cast().contains("Tom Cruise")));
        assertThat(cruise1986.items()).extracting(MovieView::title).containsExactlyInAnyOrder("Top Gun", "The Color of Money");
    }

    @Test
    void filtersByYearAndRange() {
        assertThat(page("/v1/movies?year=2015").total()).isEqualTo(SampleCatalogue.count(m -> m.year() == 2015));
        assertThat(page("/v1/movies?yearFrom=1990&yearTo=1999").total())
                .isEqualTo(SampleCatalogue.count(m -> m.year() >= 1990 && m.year() <= 1999));
        assertThat(page("/v1/movies?yearFrom=2020").total()).isEqualTo(SampleCatalogue.count(m -> m.year() >= 2020));
    }

    @Test
    void normalisesGenreSpellings() {
        long sports = SampleCatalogue.count(m -> m.genres().contains("Sport") || m.genres().contains("Sports"));
        assertThat(sports).isGreaterThan(SampleCatalogue.count(m -> m.genres().contains("Sports")));
        assertThat(page("/v1/movies?genre=Sport").total()).isEqualTo(sports);
        assertThat(page("/v1/movies?genre=sports").total()).isEqualTo(sports);
        assertThat(page("/v1/movies?genre=sci-fi").total()).isEqualTo(SampleCatalogue.count(m -> m.genres().contains("Science Fiction")));
    }

    @Test
    void requiresEveryRequestedGenre() {
        long both = SampleCatalogue.count(m -> m.genres().contains("Action") && m.genres().contains("Comedy"));
        assertThat(page("/v1/movies?genre=Action&genre=Comedy").total()).isEqualTo(both);
    }

    @Test
    void sortsByYearAndTitle() {
        assertThat(page("/v1/movies?sort=year&size=50").items()).extracting(MovieView::year).isSorted();
        List<Integer> descending = page("/v1/movies?sort=-year&size=50").items().stream().map(MovieView::year).toList();
        assertThat(descending).isSortedAccordingTo((a, b) -> b - a);
        assertThat(page("/v1/movies?sort=title&cast=tom cruise&fuzzy=false&size=45").items())
                .extracting(movie -> io.marquee.text.TextFolding.fold(movie.title())).isSorted();
    }

    @Test
    void pagesWithoutOverlap() {
        SearchResults first = page("/v1/movies?sort=year&size=5&page=1");
        SearchResults second = page("/v1/movies?sort=year&size=5&page=2");
        assertThat(first.total()).isEqualTo(SampleCatalogue.size());
        assertThat(first.items()).hasSize(5);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.items()).extracting(MovieView::id).doesNotContainAnyElementsOf(first.items().stream().map(MovieView::id).toList());
    }

    @Test
    void returnsOnlyPublicFields() {
        http.get().uri("/v1/movies?title=heat&size=1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].titleFolded").doesNotExist()
                .jsonPath("$.items[0].provider").doesNotExist()
                .jsonPath("$.items[0].id").isNotEmpty();
    }

    @Test
    void getsOneMovieById() {
        MovieView topGun = page("/v1/movies?title=top gun&year=1986").items().get(0);

        http.get().uri("/v1/movies/{id}", topGun.id()).exchange().expectStatus().isOk()
                .expectBody(MovieView.class).isEqualTo(topGun);
    }

    @Test
    void answersUnknownIdWithNotFoundProblem() {
        http.get().uri("/v1/movies/no-such-movie-1999-00000000").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("No movie with id 'no-such-movie-1999-00000000'");
    }

    @Test
    void rejectsBadParametersWithProblems() {
        assertProblem("/v1/movies?year=abc", "year", "year must be a whole number between 1870 and 2100, not 'abc'");
        assertProblem("/v1/movies?year=1800", "year", "year must be between 1870 and 2100, not 1800");
        assertProblem("/v1/movies?yearFrom=2000&yearTo=1990", "yearFrom", "yearFrom (2000) must not be after yearTo (1990)");
        assertProblem("/v1/movies?size=101", "size", "size must be between 1 and 100, not 101");
        assertProblem("/v1/movies?size=0", "size", "size must be between 1 and 100, not 0");
        assertProblem("/v1/movies?page=0", "page", "page must be 1 or more, not 0");
        assertProblem("/v1/movies?page=101&size=100", "page",
                "page × size must not exceed 10000 (was 10100); narrow the search instead of paging this deep");
        assertProblem("/v1/movies?q=" + "x".repeat(257), "q", "q must be at most 256 characters (was 257)");
        // Within the limit as sent, far past it once folded: NFKD spells U+FDFA out in 18 characters.
        String expanding = "\uFDFA".repeat(20);
        // The URI template encodes the characters as UTF-8.
        assertProblem("/v1/movies?q=" + expanding, "q",
                "q must be at most 256 characters once its characters are spelt out (was " + io.marquee.text.TextFolding.fold(expanding).length()
                        + ")");
        assertProblem("/v1/movies?title=" + expanding, "title",
                "title must be at most 256 characters once its characters are spelt out (was "
                        + io.marquee.text.TextFolding.fold(expanding).length() + ")");
        assertProblem("/v1/movies?sort=rating", "sort", "sort must be one of relevance, year, -year, title, -title, not 'rating'");
        assertProblem("/v1/movies?fuzzy=maybe", "fuzzy", "fuzzy must be true or false, not 'maybe'");
    }

    @Test
    void treatsQuerySyntaxAsPlainText() {
        http.get().uri(b -> b.path("/v1/movies").queryParam("q", "{q}").build("title:(\"x\" OR {\"match_all\":{}}) AND year:[* TO *]"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void offersNoWritesUnlessEnabled() {
        http.post().uri("/v1/movies").header("X-Api-Key", ApiTestSupport.WRITER_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"X\", \"year\": 2000}").exchange().expectStatus().isEqualTo(405);
    }

    @Test
    void deniesUnknownRoutesWithProblems() {
        // Deny by default: a route with no rule of its own is refused before routing, so it cannot fall through to search.
        http.get().uri("/v1/nothing-here").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/v1/nothing-here").header("X-Api-Key", ApiTestSupport.SEARCH_KEY).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void assertProblem(String uri, String parameter, String detail) {
        Map<String, Object> problem = http.get().uri(uri).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(problem).containsEntry("status", 400).containsEntry("parameter", parameter).containsEntry("detail", detail)
                .containsEntry("title", "Invalid request");
    }

    private SearchResults page(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(SearchResults.class).returnResult().getResponseBody();
    }

    private List<String> titles(String uri) {
        return page(uri).items().stream().map(MovieView::title).toList();
    }
}
