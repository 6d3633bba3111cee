package io.marquee.indexer.reindex;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.marquee.indexer.index.PitScan;
import io.marquee.indexer.index.Calls;
import io.marquee.indexer.index.BulkMovieWriter;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.WriteOutcome;
import io.marquee.movie.AuditEntry;
import io.marquee.schema.IndexNames;
import io.marquee.movie.MovieDocument;

/**
 * Brings one index up to date with another for every movie changed since a moment, found through the audit trail
 * (every change is audited before it is written). It closes the gap the mirror alias can leave: a batch that looked
 * for the mirror just before it appeared wrote to the live index only. Writes carry the source's version as an
 * external version, so the catch-up never undoes a newer write; deletions carry the version of their audit entry.
 */
final class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    private static final int CHUNK = 500;

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final BulkProperties bulk;
    private final PitScan scan;

    CatchUp(ElasticsearchClient client, IndexNames names, BulkProperties bulk, PitScan scan) {
        this.client = client;
        this.names = names;
        this.bulk = bulk;
        this.scan = scan;
    }

    /** The newest audit entry of every movie changed since {@code since}. */
    Map<String, AuditEntry> changedSince(Instant since) {
        Calls.io("refreshing the audit trail", () -> client.indices().refresh(r -> r.index(names.auditPattern()).allowNoIndices(true)));
        Map<String, AuditEntry> latest = new HashMap<>();
        Query changes = Query.of(q -> q.bool(b -> b
                .filter(f -> f.range(r -> r.date(d -> d.field("at").gte(since.toString()))))
                .filter(f -> f.exists(e -> e.field("movieId")))));
        Comparator<AuditEntry> newer = Comparator.comparing((AuditEntry e) -> e.version() == null ? Long.MIN_VALUE : e.version())
                .thenComparing(AuditEntry::at);
        scan.scan(names.auditPattern(), changes, List.of(), AuditEntry.class, () -> {
        }, hit -> latest.merge(hit.source().movieId(), hit.source(), (a, b) -> newer.compare(a, b) >= 0 ? a : b));
        return latest;
    }

    /** Makes {@code to} hold, for every movie changed since {@code since}, what {@code from} holds now. */
    Caught apply(String from, String to, Instant since) {
        Map<String, AuditEntry> changed = changedSince(since);
        BulkMovieWriter writer = BulkMovieWriter.toIndex(client, to, bulk);
        long copied = 0;
        long deleted = 0;
        try {
            List<String> ids = new ArrayList<>(changed.keySet());
            for (int start = 0; start < ids.size(); start += CHUNK) {
                List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
                MgetResponse<MovieDocument> current = Calls.io("reading changed movies", () -> client.mget(m -> m.index(from).ids(chunk),
                        MovieDocument.class));
                for (MultiGetResponseItem<MovieDocument> item : current.docs()) {
                    if (item.isFailure()) {
                        throw new IllegalStateException("Could not read " + item.failure().id() + " from " + from + ": "
                                + item.failure().error().reason());
                    }
                    String id = item.result().id();
                    if (item.result().found()) {
                        writer.add(item.result().source().rederived(), item.result().version(), "catch-up:" + from, ++copied);
                    }
                    else if (AuditEntry.Action.DELETE.value().equals(changed.get(id).action())) {
                        writer.delete(id, changed.get(id).version(), "catch-up:" + from, ++deleted);
                    }
                }
            }
        }
        catch (RuntimeException ex) {
            writer.finish();
            throw ex;
        }
        WriteOutcome outcome = writer.finish();
        log.info("Caught up {} from {}: {} movies changed since {}, {} written, {} already newer, {} failed", to, from, changed.size(),
                since, outcome.indexed() + outcome.deleted() + outcome.notFound(), outcome.stale(), outcome.failures().size());
        return new Caught(changed.size(), copied, deleted, outcome);
    }

    /**
     * Gives {@code to} the delete tombstones {@code from} holds: every movie deleted within the tombstone retention
     * ({@code retention}, the index's {@code gc_deletes}) and still deleted is deleted in {@code to} too, with the
     * version of its delete. A document that never existed there still keeps that version as a tombstone, so an older
     * delivery replayed after a flip cannot bring the movie back, as it could not before the flip.
     *
     * @return the deletions carried over
     */
    long carryTombstones(String to, Instant now, Duration retention) {
        Map<String, AuditEntry> changed = changedSince(now.minus(retention));
        BulkMovieWriter writer = BulkMovieWriter.toIndex(client, to, bulk);
        long carried = 0;
        for (AuditEntry latest : changed.values()) {
            if (AuditEntry.Action.DELETE.value().equals(latest.action()) && latest.version() != null) {
                writer.delete(latest.movieId(), latest.version(), "tombstones", ++carried);
            }
        }
        WriteOutcome outcome = writer.finish();
        if (!outcome.failures().isEmpty()) {
            throw new IllegalStateException(outcome.failures().size() + " tombstones could not be carried to " + to + " (first: "
                    + outcome.failures().get(0).reason() + ")");
        }
        log.info("Carried {} delete tombstones of the last {} to {}", carried, retention, to);
        return carried;
    }

    /** What a catch-up did: movies found changed, documents copied, deletions applied, and the writer's outcome. */
    record Caught(long changed, long copied, long deleted, WriteOutcome outcome) {
    }
}
