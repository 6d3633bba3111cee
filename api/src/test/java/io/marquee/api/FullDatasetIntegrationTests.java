package io.marquee.api;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.catalog.MovieView;
import io.marquee.api.search.SearchResults;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.indexer.load.LoadReport;
import io.marquee.testsupport.data.SharedDataset;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.text.TextFolding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts of {@code ../shared/data/README.md}, asked of the API after the real indexer loaded the full set.
 * Skipped, with the reason, where the dataset is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class FullDatasetIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, FullDatasetIntegrationTests.class);
    }

    @BeforeAll
    static void loadFullDataset() {
        Path dir = SharedDataset.require();
        LoadReport report = ApiTestSupport.load(FullDatasetIntegrationTests.class, LocalMovieFiles.at(dir));
        System.out.printf("Full dataset: %d records read, %d indexed (%d created), %d rejected, %d junk entries dropped, "
                + "in %d ms (%.0f records/s)%n", report.read(), report.indexed(), report.created(), report.rejected(),
                report.droppedEntries(), report.took().toMillis(), report.recordsPerSecond());
        assertThat(report.read()).isEqualTo(SharedDataset.RECORDS);
        assertThat(report.rejected()).isZero();
        assertThat(report.failures()).isEmpty();
        // 19 (title, year, href) triples repeat in the dataset: the same film listed twice, kept once.
        assertThat(report.created()).isEqualTo(SharedDataset.RECORDS - 19);
    }

    private final WebTestClient http;

    FullDatasetIntegrationTests(WebTestClient http) {
        // Contract routes answer up to 1,000 movies: more than the default 256 KB a test client buffers.
        this.http = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    @Test
    void judgedQueriesFindWhatIsMeant() {
        RelevanceSuite.Results results = RelevanceSuite.load("/relevance/full.tsv").run(http);

        System.out.println(results.report("the full dataset", Path.of("target/relevance-full.md")));
        assertThat(results.results()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(results.byKind()).containsKeys("typo", "accent", "partial title", "every-word prefix", "person", "two people",
                "person plus year", "title plus year", "quoted phrase", "negation", "zero-result did-you-mean", "ambiguous short words");
        assertThat(results.failures()).as("judged queries whose meaning came lower than allowed").isEmpty();
    }

    @Test
    void neverRanksAnExactMatchUnderOneThatNeededATypo() {
        RelevanceSuite.Results results = RelevanceSuite.load("/relevance/full.tsv").run(http);

        assertThat(results.exactBelowTypos()).as("queries with an exact match after a typo match").isEmpty();
    }

    @Test
    void findsWellKnownTitlesAndPeopleWithinAFewKeystrokes() {
        TypeaheadKeystrokes.Results results = TypeaheadKeystrokes.load("/relevance/typeahead.tsv").run(http);

        System.out.println(results.report(Path.of("target/typeahead-keystrokes.md")));
        assertThat(results.count("title")).isGreaterThanOrEqualTo(50);
        assertThat(results.count("cast")).isGreaterThanOrEqualTo(30);
        assertThat(results.neverFirst()).as("items never first, however much of them is typed").isEmpty();
        // 9.71 before prominence and word-start completions (docs/relevance.md); a regression guard, not a target.
        assertThat(results.mean()).isLessThan(7.0);
    }

    @Test
    void suggestsWhatTheIssueFoundMissing() {
        assertThat(firstSuggestion("godf")).isEqualTo("The Godfather");
        assertThat(firstSuggestion("tom cr")).isEqualTo("Tom Cruise");
        assertThat(suggestions("tom cr")).allSatisfy(s -> assertThat(TextFolding.fold(s)).doesNotContain("tom co"));
        assertThat(firstSuggestion("dark kn")).isEqualTo("The Dark Knight");
        assertThat(suggestions("kni")).contains("The Dark Knight");
        assertThat(firstSuggestion("cruise")).isEqualTo("Tom Cruise");
        assertThat(suggestions("lord of the r").subList(0, 4)).allSatisfy(s -> assertThat(s).startsWith("The Lord of the Rings"));
        assertThat(page("/v1/movies?q=godfather").items().get(0).title()).isEqualTo("The Godfather");
        assertThat(page("/v1/movies?q=dar kni").items().get(0).title()).isEqualTo("The Dark Knight");
        assertThat(page("/v1/movies?q=tom cruise 1986").items()).extracting(MovieView::title).first().isIn("Top Gun");
        assertThat(page("/v1/movies?q=1917").items().get(0).year()).isEqualTo(2019);
    }

    @Test
    void aTomAndARyanFromDifferentNamesAreNotTomHanksAndMegRyan() {
        List<MovieView> found = page("/v1/movies?q=tom hanks meg ryan&size=3").items();
        assertThat(found).extracting(MovieView::title).containsExactlyInAnyOrder("Sleepless in Seattle", "You've Got Mail",
                "Joe Versus the Volcano");
    }

    @Test
    void highlightsPrefixAndTypoMatches() {
        SearchResults found = page("/v1/movies?q=dar knigth&highlight=true&size=1");
        assertThat(found.highlights().get(found.items().get(0).id()).title()).isEqualTo("The <mark>Dark</mark> <mark>Knight</mark>");
    }

    @Test
    void offersTheCataloguesSpellingWhenNothingMatches() {
        http.get().uri("/v1/movies?q=kasablanca").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0).jsonPath("$.didYouMean").isEqualTo("casablanca");
    }

    @Test
    void countsTextMatchesExactlyOnlyUpToTheBound() {
        String the = "/v1/movies?q=the&size=1";
        http.get().uri(the).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(10_000).jsonPath("$.totalRelation").isEqualTo("gte");
        http.get().uri("/v1/movies?yearFrom=1900&size=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.totalRelation").isEqualTo("eq").jsonPath("$.total").value(total -> assertThat((Integer) total).isGreaterThan(10_000));
    }

    @Test
    void countsTheMoviesOfAYear() {
        assertThat(total("/movies/year/2015")).isEqualTo(209);
        assertThat(page("/v1/movies?year=2015").total()).isEqualTo(209);
        assertThat(total("/movies/year/1999")).isEqualTo(240);
        assertThat(total("/movies/year/1917")).isEqualTo(914);
    }

    @Test
    void findsEveryTomCruiseFilmWhateverTheCase() {
        EntityExchangeResult<List<MovieView>> cruise = movies("/movies/castmember/Tom Cruise");
        assertThat(cruise.getResponseHeaders().getFirst("X-Total-Count")).isEqualTo("45");
        assertThat(cruise.getResponseBody()).anySatisfy(m -> {
            assertThat(m.title()).isEqualTo("Top Gun");
            assertThat(m.year()).isEqualTo(1986);
        });
        assertThat(movies("/movies/castmember/tom cruise").getResponseBody()).isEqualTo(cruise.getResponseBody());
        assertThat(movies("/movies/castmember/TOM CRUISE").getResponseBody()).isEqualTo(cruise.getResponseBody());
        assertThat(page("/v1/movies?cast=tom cruise&fuzzy=false").total()).isEqualTo(45);
    }

    @Test
    void findsPenelopeCruzWithoutTheAccent() {
        // The dataset spells her "Penélope Cruz" on 24 records and "Penelope Cruz" on one (Sex and the City 2):
        // accent-insensitive matching finds all 25.
        List<MovieView> cruz = movies("/movies/castmember/Penelope Cruz").getResponseBody();
        assertThat(cruz).filteredOn(m -> m.cast().contains("Penélope Cruz")).hasSize(24);
        assertThat(cruz).filteredOn(m -> m.cast().contains("Penelope Cruz")).extracting(MovieView::title)
                .containsExactly("Sex and the City 2");
        assertThat(cruz).hasSize(25);
        assertThat(page("/v1/movies?cast=Penélope Cruz&fuzzy=false").total()).isEqualTo(25);
    }

    @Test
    void countsAGenre() {
        assertThat(total("/movies/genre/Science Fiction")).isEqualTo(1169);
        assertThat(page("/v1/movies?genre=science fiction").total()).isEqualTo(1169);
        // 459 records say Sports and 39 say Sport; 13 say both, so 485 movies are sports films.
        assertThat(total("/movies/genre/Sport")).isEqualTo(485);
        assertThat(total("/movies/genre/sports")).isEqualTo(485);
    }

    @Test
    void findsTheThreeTitanics() {
        assertThat(movies("/movies/name/Titanic").getResponseBody()).extracting(MovieView::year).containsExactly(1953, 1996, 1997);
        assertThat(page("/v1/movies?q=titanic").items().get(0).title()).isEqualTo("Titanic");
    }

    @Test
    void findsAccentedTitlesAndNames() {
        assertThat(page("/v1/movies?q=leon the professional").items().get(0).title()).isEqualTo("Léon: The Professional");
        assertThat(page("/v1/movies?q=mission impossible ghost protocol").items().get(0).title())
                .isEqualTo("Mission: Impossible – Ghost Protocol");
        assertThat(page("/v1/movies?cast=stellan skarsgard&fuzzy=false").total()).isPositive();
    }

    private String firstSuggestion(String q) {
        return suggestions(q).get(0);
    }

    private List<String> suggestions(String q) {
        return http.get().uri(u -> u.path("/v1/suggest").queryParam("q", "{q}").build(q)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<java.util.Map<String, Object>>() {
                }).returnResult().getResponseBody().entrySet().stream().filter(e -> e.getKey().equals("suggestions"))
                .flatMap(e -> ((List<?>) e.getValue()).stream()).map(s -> (String) ((java.util.Map<?, ?>) s).get("text")).toList();
    }

    private long total(String uri) {
        return Long.parseLong(movies(uri).getResponseHeaders().getFirst("X-Total-Count"));
    }

    private EntityExchangeResult<List<MovieView>> movies(String uri) {
        return http.get().uri(uri + (uri.contains("?") ? "&" : "?") + "limit=1000").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<MovieView>>() {
                }).returnResult();
    }

    private SearchResults page(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().expectBody(SearchResults.class).returnResult().getResponseBody();
    }
}
