package io.marquee.indexer.prominence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import io.marquee.indexer.index.BulkMovieWriter;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.Calls;
import io.marquee.indexer.index.WriteOutcome;
import io.marquee.indexer.index.PitScan;
import io.marquee.ranking.People;
import io.marquee.movie.MovieDocument;

/**
 * Ranks one index in two passes over a point in time: the first gathers every person's contributions, the second
 * gives each movie the catalogue's scores ({@link MovieDocument#ranked}) and rewrites only the documents whose scores
 * changed. A rewrite carries the version it was read at as an external version, so a delivery indexed meanwhile
 * (a newer version) is never overwritten: it keeps the score its own facts give until the next ranking.
 */
public class CatalogueRanking {

    private static final List<String> FACTS_ONLY = List.of("cast", "extract", "rating");

    private final ElasticsearchClient client;
    private final BulkProperties bulk;
    private final PitScan scan;
    private final Clock clock;

    public CatalogueRanking(ElasticsearchClient client, BulkProperties bulk, PitScan scan, Clock clock) {
        this.client = client;
        this.bulk = bulk;
        this.scan = scan;
        this.clock = clock;
    }

    /** Ranks the movies of {@code index} (an index or an alias to one), running {@code checkpoint} before each page. */
    public Ranked rank(String index, Runnable checkpoint) {
        Instant started = clock.instant();
        // Movies just indexed may not be searchable yet: without a refresh, the first pass could miss them.
        Calls.io("refreshing " + index, () -> client.indices().refresh(r -> r.index(index)));
        People people = new People();
        AtomicLong movies = new AtomicLong();
        scan.scan(index, Query.of(q -> q.matchAll(m -> m)), FACTS_ONLY, MovieDocument.class, checkpoint, hit -> {
            movies.incrementAndGet();
            people.add(factsForRanking(hit.source()));
        });
        BulkMovieWriter writer = BulkMovieWriter.toIndex(client, index, bulk);
        AtomicLong read = new AtomicLong();
        AtomicLong rewritten = new AtomicLong();
        try {
            scan.scan(index, Query.of(q -> q.matchAll(m -> m)), List.of(), MovieDocument.class, checkpoint, hit -> {
                read.incrementAndGet();
                MovieDocument ranked = hit.source().ranked(people);
                if (!ranked.equals(hit.source())) {
                    rewritten.incrementAndGet();
                    writer.add(ranked, hit.version(), "ranking:" + index, read.get());
                }
            });
        }
        catch (RuntimeException ex) {
            writer.finish();
            throw ex;
        }
        WriteOutcome outcome = writer.finish();
        return new Ranked(index, movies.get(), people.size(), rewritten.get(), outcome, Duration.between(started, clock.instant()));
    }

    /** The facts the prominence formula reads, from a document read with {@link #FACTS_ONLY}. */
    private static MovieDocument.Facts factsForRanking(MovieDocument partial) {
        return new MovieDocument.Facts("", 0, partial.cast() == null ? List.of() : partial.cast(), List.of(), partial.extract(), null, null,
                null, null, partial.rating());
    }

    /**
     * What a ranking did: movies read, distinct people scored, documents rewritten because a score changed (the others
     * already held the catalogue's scores), the writer's outcome (rewrites skipped as stale lost to a newer delivery),
     * and how long it took.
     */
    public record Ranked(String index, long movies, int people, long rewritten, WriteOutcome outcome, Duration took) {

        public boolean complete() {
            return outcome.failures().isEmpty();
        }
    }
}
