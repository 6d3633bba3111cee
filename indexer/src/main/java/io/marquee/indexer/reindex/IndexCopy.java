package io.marquee.indexer.reindex;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import io.marquee.indexer.index.PitScan;
import io.marquee.indexer.index.BulkMovieWriter;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.WriteOutcome;
import io.marquee.movie.MovieDocument;

/**
 * Copies every movie of one index into another through a point in time (the core distribution has no
 * {@code _reindex}). Each document is derived again from its facts by the current code, so a copy also carries
 * changes to the derived fields, and is written with its source version as an external version: a write the
 * candidate already received through the mirror alias is never overwritten by the older snapshot.
 */
final class IndexCopy {

    private final ElasticsearchClient client;
    private final BulkProperties bulk;
    private final PitScan scan;

    IndexCopy(ElasticsearchClient client, BulkProperties bulk, PitScan scan) {
        this.client = client;
        this.bulk = bulk;
        this.scan = scan;
    }

    Copied copy(String from, String to, Runnable checkpoint) {
        BulkMovieWriter writer = BulkMovieWriter.toIndex(client, to, bulk);
        AtomicLong read = new AtomicLong();
        AtomicLong renamed = new AtomicLong();
        try {
            scan.scan(from, Query.of(q -> q.matchAll(m -> m)), List.of(), MovieDocument.class, checkpoint, hit -> {
                read.incrementAndGet();
                MovieDocument derived = hit.source().rederived();
                if (!derived.id().equals(hit.id())) {
                    renamed.incrementAndGet();
                    return;
                }
                writer.add(derived, hit.version(), "index:" + from, read.get());
            });
        }
        catch (RuntimeException ex) {
            writer.finish();
            throw ex;
        }
        return new Copied(read.get(), writer.finish(), renamed.get());
    }

    /**
     * What a copy did: documents read from the snapshot, the writer's outcome, and documents whose id the current
     * code derives differently (not copied: a changed id scheme needs a rebuild from S3).
     */
    record Copied(long read, WriteOutcome outcome, long renamed) {
    }
}
