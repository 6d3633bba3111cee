package io.marquee.indexer.prominence;

import java.io.IOException;

import java.time.Instant;
import java.util.List;

import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.indexer.IndexerTestProperties;
import io.marquee.indexer.index.BulkMovieWriter;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.ranking.People;
import io.marquee.ranking.Prominence;
import io.marquee.movie.MovieDocument;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.movie.MovieSource;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking a real index: every document ends up with the catalogue's scores, whatever order movies arrived in, a
 * second ranking rewrites nothing, and a delivery newer than the ranking's snapshot keeps its own facts.
 */
@SpringBootTest(properties = "marquee.indexer.cli.enabled=false")
@ElasticsearchTest
class CatalogueRankingIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        IndexerTestProperties.register(registry, CatalogueRankingIntegrationTests.class);
    }

    private final ElasticsearchClient client;
    private final MovieIndexAdmin admin;
    private final BulkProperties bulk;
    private final CatalogueRanking ranking;

    CatalogueRankingIntegrationTests(ElasticsearchClient client, MovieIndexAdmin admin, BulkProperties bulk, CatalogueRanking ranking) {
        this.client = client;
        this.admin = admin;
        this.bulk = bulk;
        this.ranking = ranking;
    }

    @BeforeEach
    void emptyCluster() {
        TestIndices.onSharedCluster(admin.names().prefix()).deleteAll();
        admin.bootstrap();
    }

    @Test
    void givesEveryDocumentTheCataloguesScores() throws IOException {
        List<MovieDocument.Facts> catalogue = catalogue();
        index(catalogue, 1L);
        People expected = new People();
        catalogue.forEach(expected::add);

        CatalogueRanking.Ranked ranked = ranking.rank(admin.names().writeAlias(), () -> {
        });

        assertThat(ranked.movies()).isEqualTo(catalogue.size());
        assertThat(ranked.people()).isEqualTo(expected.size());
        assertThat(ranked.complete()).isTrue();
        admin.refresh();
        MovieDocument star = get(catalogue.get(0));
        assertThat(star.castSuggest().get(0).input()).containsExactly("star person", "person");
        assertThat(star.castSuggest().get(0).weight()).isEqualTo(Prominence.weight(expected.of("star person")));
        assertThat(star).isEqualTo(MovieDocument.of(catalogue.get(0), "test", MovieSource.file("file:/catalogue.json", 0), Instant.EPOCH)
                .ranked(expected));

        CatalogueRanking.Ranked again = ranking.rank(admin.names().writeAlias(), () -> {
        });
        assertThat(again.rewritten()).as("a catalogue already ranked").isZero();
    }

    @Test
    void neverOverwritesADeliveryNewerThanItsSnapshot() throws IOException {
        List<MovieDocument.Facts> catalogue = catalogue();
        index(catalogue, 1L);
        MovieDocument.Facts first = catalogue.get(0);
        MovieDocument.Facts changed = new MovieDocument.Facts(first.title(), first.year(), first.cast(), List.of("Comedy"), first.extract(),
                first.href(), null, null, null);

        // Before each page of each pass: two of the first pass (its page and the empty one that ends it), then the
        // second pass's first, after its point in time was opened. The delivery lands there, newer than that snapshot.
        java.util.concurrent.atomic.AtomicInteger pages = new java.util.concurrent.atomic.AtomicInteger();
        CatalogueRanking.Ranked ranked = ranking.rank(admin.names().writeAlias(), () -> {
            if (pages.incrementAndGet() == 3) {
                index(List.of(changed), 2L);
            }
        });

        assertThat(ranked.outcome().stale()).isEqualTo(1);
        admin.refresh();
        assertThat(get(first).genres()).containsExactly("Comedy");
    }

    private static List<MovieDocument.Facts> catalogue() {
        List<MovieDocument.Facts> movies = new java.util.ArrayList<>();
        IntStream.range(0, 12).forEach(i -> movies.add(facts("Star film " + i, 600 + i, "Star Person", "Friend " + i)));
        IntStream.range(0, 30).forEach(i -> movies.add(facts("Short " + i, 100, "Prolific Person", "Star Person")));
        return movies;
    }

    private void index(List<MovieDocument.Facts> movies, long version) {
        BulkMovieWriter writer = BulkMovieWriter.toAlias(client, admin.names().writeAlias(), bulk);
        for (int i = 0; i < movies.size(); i++) {
            writer.add(MovieDocument.of(movies.get(i), "test", MovieSource.file("file:/catalogue.json", i), Instant.EPOCH), version,
                    "file:/catalogue.json", i);
        }
        assertThat(writer.finish().failures()).isEmpty();
        admin.refresh();
    }

    private MovieDocument get(MovieDocument.Facts facts) throws IOException {
        String id = MovieDocument.of(facts, "test", MovieSource.file("file:/catalogue.json", 0), Instant.EPOCH).id();
        return client.get(g -> g.index(admin.names().readAlias()).id(id), MovieDocument.class).source();
    }

    private static MovieDocument.Facts facts(String title, int extract, String... cast) {
        return new MovieDocument.Facts(title, 2000, List.of(cast), List.of("Drama"), "x".repeat(extract), title.replace(' ', '_'), null, null,
                null);
    }

}
