package io.marquee.indexer.reindex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import io.marquee.indexer.index.Calls;
import io.marquee.movie.MovieDocument;
import io.marquee.text.TextFolding;

/**
 * Decides whether a candidate index may go live: it must be green, hold as many movies as its source says it
 * should (within the tolerance), find movies sampled from the live index by their titles, and answer every
 * configured canary query. A gate that fails lists every reason.
 */
final class VerificationGate {

    private static final int COUNT_ATTEMPTS = 5;

    private final ElasticsearchClient client;
    private final ReindexProperties properties;

    VerificationGate(ElasticsearchClient client, ReindexProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * Checks the candidate.
     *
     * @param expected how many movies the candidate should hold, asked again on every attempt: writes still arriving
     *        move both sides, so a difference must persist to count
     * @param sampleFrom the live index, whose movies the candidate must find
     */
    Verdict verify(String candidate, LongSupplier expected, String sampleFrom, long tolerance) {
        List<String> failures = new ArrayList<>();
        HealthResponse health = Calls.io("checking health", () -> client.cluster().health(h -> h.index(candidate)
                .waitForStatus(HealthStatus.Green).timeout(t -> t.time(properties.greenTimeout().toSeconds() + "s"))));
        if (health.timedOut() || health.status() != HealthStatus.Green) {
            failures.add(candidate + " is " + health.status().jsonValue() + ", not green, after " + properties.greenTimeout().toSeconds() + " s");
        }
        long actual = 0;
        long wanted = 0;
        for (int attempt = 1; attempt <= COUNT_ATTEMPTS; attempt++) {
            refresh(candidate, sampleFrom);
            wanted = expected.getAsLong();
            actual = Calls.io("counting", () -> client.count(c -> c.index(candidate)).count());
            if (Math.abs(actual - wanted) <= tolerance || attempt == COUNT_ATTEMPTS) {
                break;
            }
            pause();
        }
        if (Math.abs(actual - wanted) > tolerance) {
            failures.add(candidate + " holds " + actual + " movies, its source " + wanted + " (difference " + (actual - wanted)
                    + ", tolerance " + tolerance + ")");
        }
        failures.addAll(missingSamples(candidate, sampleFrom));
        failures.addAll(silentCanaries(candidate));
        return new Verdict(actual, wanted, failures);
    }

    private List<String> missingSamples(String candidate, String sampleFrom) {
        if (properties.canarySamples() == 0 || sampleFrom == null || sampleFrom.equals(candidate)) {
            return List.of();
        }
        List<Hit<MovieDocument>> samples = Calls.io("sampling", () -> client.search(s -> s.index(sampleFrom).size(properties.canarySamples())
                .query(q -> q.functionScore(f -> f.functions(fn -> fn.randomScore(r -> r.seed(String.valueOf(System.nanoTime()))
                        .field("_seq_no")))))
                .source(src -> src.filter(f -> f.includes("title", "year"))), MovieDocument.class)).hits().hits();
        List<String> missing = new ArrayList<>();
        for (Hit<MovieDocument> sample : samples) {
            String title = TextFolding.fold(sample.source().title());
            int year = sample.source().year();
            List<String> found = Calls.io("searching canaries", () -> client.search(s -> s.index(candidate).size(10)
                    .query(q -> q.bool(b -> b
                            .should(m -> m.match(t -> t.field("titleFolded").query(title)))
                            .should(m -> m.term(t -> t.field("titleFolded.keyword").value(title)))
                            .minimumShouldMatch("1")
                            .filter(f -> f.term(t -> t.field("year").value(year)))))
                    .source(src -> src.fetch(false)), Void.class)).hits().hits().stream().map(Hit::id).toList();
            if (!found.contains(sample.id())) {
                missing.add("searching " + candidate + " for the title '" + sample.source().title() + "' (" + year + ") does not find "
                        + sample.id());
            }
        }
        return missing;
    }

    private List<String> silentCanaries(String candidate) {
        List<String> silent = new ArrayList<>();
        for (String canary : properties.canaryQueries()) {
            String folded = TextFolding.fold(canary);
            long hits = Calls.io("running canary queries", () -> client.count(c -> c.index(candidate).query(q -> q.multiMatch(m -> m
                    .fields("titleFolded", "castFolded", "extractFolded").query(folded)))).count());
            if (hits == 0) {
                silent.add("canary query '" + canary + "' finds nothing in " + candidate);
            }
        }
        return silent;
    }

    private void refresh(String candidate, String source) {
        List<String> indices = source == null ? List.of(candidate) : List.of(candidate, source);
        Calls.io("refreshing", () -> client.indices().refresh(r -> r.index(indices).ignoreUnavailable(true)));
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while verifying", ex);
        }
    }

    /** The gate's answer: the counts it compared, and why it refuses (nothing when it passes). */
    record Verdict(long actual, long expected, List<String> failures) {

        boolean passed() {
            return failures.isEmpty();
        }
    }
}
