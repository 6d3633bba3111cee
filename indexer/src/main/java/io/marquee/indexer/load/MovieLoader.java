package io.marquee.indexer.load;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.marquee.indexer.audit.AuditedWrites;
import io.marquee.indexer.audit.ChangeTracker;
import io.marquee.indexer.audit.Intent;
import io.marquee.indexer.index.BulkMovieWriter;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.WriteOutcome;
import io.marquee.indexer.ingest.MovieFile;
import io.marquee.indexer.ingest.MovieFileReader;
import io.marquee.records.RecordResult;
import io.marquee.records.RejectionCode;
import io.marquee.movie.MovieDocument;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.movie.MovieSource;

/**
 * Loads files into the write alias: streams every file through validation
 * into one bulk writer, and reports. While a reindex builds a candidate index (or keeps the previous one current
 * for a rollback), every write also goes to the mirror alias.
 */
public final class MovieLoader {

    static final int MAX_LISTED_REJECTIONS = 100;

    private static final Logger log = LoggerFactory.getLogger(MovieLoader.class);

    private final ElasticsearchClient client;
    private final MovieIndexAdmin admin;
    private final MovieFileReader reader;
    private final BulkProperties bulk;
    private final Clock clock;
    private final ChangeTracker changes;

    public MovieLoader(ElasticsearchClient client, MovieIndexAdmin admin, MovieFileReader reader, BulkProperties bulk, Clock clock,
            ChangeTracker changes) {
        this.client = client;
        this.admin = admin;
        this.reader = reader;
        this.bulk = bulk;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Loads files as a one-off command: bootstraps the index first, and makes what it loaded searchable before it
     * reports.
     */
    public LoadReport load(List<MovieFile> files, String provider) {
        admin.bootstrap();
        LoadReport report = load(files, provider, rejection -> {
        });
        admin.refresh();
        return report;
    }

    /**
     * Loads files into an index that exists (the queue consumer bootstraps once at start), handing every rejection
     * to {@code rejections} (for quarantine). No forced refresh: the index's refresh interval makes it searchable.
     */
    public LoadReport load(List<? extends MovieFile> files, String provider, Consumer<LoadReport.Rejection> rejections) {
        BulkMovieWriter writer = BulkMovieWriter.toAlias(client, admin.names().writeAlias(), bulk);
        try (AuditedWrites audited = new AuditedWrites(client, admin, bulk, changes, writer)) {
            return load(files, provider, rejections, new Batch() {
                @Override
                public void add(Intent intent) {
                    audited.add(intent);
                }

                @Override
                public Map<String, RuntimeException> finish() {
                    return audited.finish();
                }

                @Override
                public void onRefusal(Consumer<ChangeTracker.Refusal> refusals) {
                    audited.onRefusal(refusals);
                }
            }, writer);
        }
    }

    /**
     * Replays files into a concrete index, as a reindex from S3 does: no change tracking and no audit, because
     * rebuilding an index changes no movie. Every intended write is shown to {@code admit}, in order, and written only
     * if it admits it.
     */
    public LoadReport replay(List<? extends MovieFile> files, String provider, String index, Predicate<Intent> admit) {
        BulkMovieWriter writer = BulkMovieWriter.toIndex(client, index, bulk);
        return load(files, provider, rejection -> {
        }, new Batch() {
            @Override
            public void add(Intent intent) {
                if (admit.test(intent)) {
                    intent.writeTo(writer);
                }
            }

            @Override
            public Map<String, RuntimeException> finish() {
                // Writes go straight to the writer, which batches them itself and reports its own failures.
                return Map.of();
            }
        }, writer);
    }

    private LoadReport load(List<? extends MovieFile> files, String provider, Consumer<LoadReport.Rejection> rejections, Batch batch,
            BulkMovieWriter writer) {
        Instant started = clock.instant();
        Tally tally = new Tally(rejections);
        batch.onRefusal(tally::refused);
        for (MovieFile file : files) {
            log.info("Loading {}", file.uri());
            try {
                reader.read(file, result -> tally.accept(file, result, batch, provider, clock.instant()));
            }
            catch (IOException | RuntimeException ex) {
                log.warn("Cannot read {}: {}", file.uri(), ex.toString());
                tally.unreadable.add(new LoadReport.UnreadableFile(file.uri(), ex.toString(), file.isTransient(ex)));
            }
        }
        batch.finish().forEach(tally::lost);
        WriteOutcome outcome = writer.finish();
        LoadReport report = new LoadReport(files.size(), tally.read, outcome.created(), outcome.updated(),
                outcome.deleted() + outcome.notFound(), outcome.stale(), tally.rejected,
                tally.dropped, outcome.retries(), tally.rejections, tally.byReason, outcome.failures(), tally.unreadable, tally.unwritten,
                Duration.between(started, clock.instant()));
        log.info("Loaded {} files: {} read, {} indexed, {} rejected, {} failed in {} ms", report.files(), report.read(),
                report.indexed(), report.rejected(), report.failures().size(), report.took().toMillis());
        return report;
    }

    /** Where validated records go on their way to a writer. */
    private interface Batch {

        void add(Intent intent);

        /**
         * Sends what was added, and returns once all of it is with the writer: with the files (by URI) some of whose
         * records could not be sent, and why.
         */
        Map<String, RuntimeException> finish();

        /** Where writes refused by {@link io.marquee.indexer.audit.Ownership} are reported, on the reading thread. */
        default void onRefusal(Consumer<ChangeTracker.Refusal> refusals) {
        }
    }

    /** Counts as records stream past; only the reading thread touches it. */
    private static final class Tally {

        long read;
        long rejected;
        long dropped;
        final List<LoadReport.Rejection> rejections = new ArrayList<>();
        final Map<String, Long> byReason = new HashMap<>();
        final List<LoadReport.UnreadableFile> unreadable = new ArrayList<>();
        final List<LoadReport.UnwrittenFile> unwritten = new ArrayList<>();
        final Consumer<LoadReport.Rejection> sink;

        Tally(Consumer<LoadReport.Rejection> sink) {
            this.sink = sink;
        }

        /**
         * Reports a file some of whose valid records could not be written, once. Always transient: the records are
         * valid, and what failed was Elasticsearch, so the delivery is retried whole, never quarantined.
         */
        void lost(String uri, RuntimeException failure) {
            if (unwritten.stream().anyMatch(file -> file.uri().equals(uri))) {
                return;
            }
            log.warn("Records of {} could not be written: {}", uri, failure.toString());
            unwritten.add(new LoadReport.UnwrittenFile(uri, failure.toString()));
        }

        /** A valid record its provider may not apply: rejected like an invalid one, with the reason, for quarantine. */
        void refused(ChangeTracker.Refusal refusal) {
            reject(new LoadReport.Rejection(refusal.intent().uri(), refusal.intent().position(), 0, RejectionCode.NOT_PERMITTED, null,
                    refusal.reason(), null));
        }

        private void reject(LoadReport.Rejection listed) {
            rejected++;
            byReason.merge(listed.kind(), 1L, Long::sum);
            sink.accept(listed);
            if (rejections.size() < MAX_LISTED_REJECTIONS) {
                rejections.add(listed);
            }
        }

        void accept(MovieFile file, RecordResult result, Batch batch, String provider, Instant now) {
            if (result.position() > 0) {
                read++;
            }
            if (result instanceof RecordResult.Valid valid) {
                dropped += valid.droppedEntries();
                Instant ingestedAt = file.deliveredAt() != null ? file.deliveredAt() : now;
                MovieSource source = file.sourceAt(valid.position());
                MovieDocument document = MovieDocument.of(valid.facts(), provider, source, ingestedAt);
                batch.add(new Intent(document.id(), document, file.version(), provider, source, file.uri(), valid.position()));
            }
            else if (result instanceof RecordResult.Delete delete) {
                batch.add(new Intent(delete.id(), null, file.version(), provider, file.sourceAt(delete.position()), file.uri(),
                        delete.position()));
            }
            else if (result instanceof RecordResult.Rejected rejection) {
                reject(new LoadReport.Rejection(file.uri(), rejection.position(), rejection.line(), rejection.code(), rejection.field(),
                        rejection.reason(), rejection.raw()));
            }
        }
    }
}
