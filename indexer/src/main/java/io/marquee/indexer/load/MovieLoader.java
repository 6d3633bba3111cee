package io.marquee.indexer.load;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.marquee.indexer.audit.ChangeTracker;
import io.marquee.indexer.index.BulkMovieWriter;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.WriteOutcome;
import io.marquee.indexer.ingest.MovieFile;
import io.marquee.indexer.ingest.MovieFileReader;
import io.marquee.records.RecordResult;
import io.marquee.schema.MovieDocument;
import io.marquee.schema.MovieIndexAdmin;
import io.marquee.schema.MovieSource;

/**
 * Loads files into the write alias: streams every file through validation
 * into one bulk writer, and reports. While a reindex builds a candidate index (or keeps the previous one current
 * for a rollback), every write also goes to the mirror alias.
 */
public final class MovieLoader {

    static final int MAX_LISTED_REJECTIONS = 100;

    private static final Logger log = LoggerFactory.getLogger(MovieLoader.class);
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final ElasticsearchClient client;
    private final MovieIndexAdmin admin;
    private final MovieFileReader reader;
    private final BulkProperties bulk;
    private final Clock clock;
    private final ChangeTracker changes;

    public MovieLoader(ElasticsearchClient client, MovieIndexAdmin admin, ObjectMapper json, BulkProperties bulk, Clock clock,
            ChangeTracker changes) {
        this.client = client;
        this.admin = admin;
        this.reader = new MovieFileReader(json);
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
        TrackedBatch batch = new TrackedBatch(writer, bulk.maxOperations());
        try {
            return load(files, provider, rejections, batch, writer);
        }
        finally {
            batch.finishMirror();
        }
    }

    /**
     * Replays files into a concrete index, as a reindex from S3 does: no change tracking and no audit, because
     * rebuilding an index changes no movie. Every intended write is shown to {@code replayed}, in order.
     */
    public LoadReport replay(List<? extends MovieFile> files, String provider, String index, Consumer<ChangeTracker.Intent> replayed) {
        BulkMovieWriter writer = BulkMovieWriter.toIndex(client, index, bulk);
        return load(files, provider, rejection -> {
        }, new Batch() {
            @Override
            public void add(ChangeTracker.Intent intent) {
                replayed.accept(intent);
                write(writer, intent);
            }

            @Override
            public void flush() {
                // Writes go straight to the writer, which batches them itself.
            }
        }, writer);
    }

    private LoadReport load(List<? extends MovieFile> files, String provider, Consumer<LoadReport.Rejection> rejections, Batch batch,
            BulkMovieWriter writer) {
        Instant started = clock.instant();
        Tally tally = new Tally(rejections);
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
        batch.flush();
        WriteOutcome outcome = writer.finish();
        LoadReport report = new LoadReport(files.size(), tally.read, outcome.created(), outcome.updated(),
                outcome.deleted() + outcome.notFound(), outcome.stale(), tally.rejected,
                tally.dropped, outcome.retries(), tally.rejections, tally.byReason, outcome.failures(), tally.unreadable,
                Duration.between(started, clock.instant()));
        log.info("Loaded {} files: {} read, {} indexed, {} rejected, {} failed in {} ms", report.files(), report.read(),
                report.indexed(), report.rejected(), report.failures().size(), report.took().toMillis());
        return report;
    }

    private static void write(BulkMovieWriter writer, ChangeTracker.Intent write) {
        if (write.document() == null) {
            writer.delete(write.id(), write.version(), write.uri(), write.position());
        }
        else {
            writer.add(write.document(), write.version(), write.uri(), write.position());
        }
    }

    /** Where validated records go on their way to a writer. */
    private interface Batch {

        void add(ChangeTracker.Intent intent);

        void flush();
    }

    /**
     * Groups intended writes so the current documents are fetched and the audit written once per batch, then
     * hands the writes that change something to the bulk writer, and to the mirror alias when an index has it.
     */
    private final class TrackedBatch implements Batch {

        private final BulkMovieWriter writer;
        private final int size;
        private final List<ChangeTracker.Intent> intents = new ArrayList<>();
        private final ChangeTracker.Session session = changes.session();
        private BulkMovieWriter mirror;

        TrackedBatch(BulkMovieWriter writer, int size) {
            this.writer = writer;
            this.size = size;
        }

        @Override
        public void add(ChangeTracker.Intent intent) {
            intents.add(intent);
            if (intents.size() >= size) {
                flush();
            }
        }

        @Override
        public void flush() {
            if (intents.isEmpty()) {
                return;
            }
            // Asked before the audit is written: a reindex's catch-up covers every change audited from shortly
            // before the mirror appeared, so a batch that missed it is still carried over.
            Optional<String> mirrored = admin.mirrorIndex();
            if (mirrored.isPresent() && mirror == null) {
                mirror = BulkMovieWriter.toMirror(client, admin.names().mirrorAlias(), bulk);
            }
            for (ChangeTracker.Intent write : session.apply(intents)) {
                write(writer, write);
                if (mirrored.isPresent()) {
                    write(mirror, write);
                }
            }
            intents.clear();
        }

        void finishMirror() {
            if (mirror == null) {
                return;
            }
            WriteOutcome outcome = mirror.finish();
            if (!outcome.failures().isEmpty()) {
                // Not a failure of the load: the live index has every write, and the reindex catch-up repairs the mirror.
                log.info("{} writes did not reach the mirror alias (first: {})", outcome.failures().size(), outcome.failures().get(0).reason());
            }
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
        final Consumer<LoadReport.Rejection> sink;

        Tally(Consumer<LoadReport.Rejection> sink) {
            this.sink = sink;
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
                batch.add(new ChangeTracker.Intent(document.id(), document, file.version(), provider, source, file.uri(), valid.position()));
            }
            else if (result instanceof RecordResult.Delete delete) {
                batch.add(new ChangeTracker.Intent(delete.id(), null, file.version(), provider, file.sourceAt(delete.position()), file.uri(),
                        delete.position()));
            }
            else if (result instanceof RecordResult.Rejected rejection) {
                rejected++;
                byReason.merge(NUMBER.matcher(QUOTED.matcher(rejection.reason()).replaceAll("\"…\"")).replaceAll("N"), 1L, Long::sum);
                LoadReport.Rejection listed = new LoadReport.Rejection(file.uri(), rejection.position(), rejection.line(),
                        rejection.reason(), rejection.raw());
                sink.accept(listed);
                if (rejections.size() < MAX_LISTED_REJECTIONS) {
                    rejections.add(listed);
                }
            }
        }
    }
}
