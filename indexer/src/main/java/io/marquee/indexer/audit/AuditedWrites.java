package io.marquee.indexer.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.marquee.indexer.index.BulkMovieWriter;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.WriteOutcome;
import io.marquee.indexer.indices.MovieIndexAdmin;

/**
 * Groups intended writes so the current documents are fetched and the audit written once per batch, then
 * hands the writes that change something to the bulk writer, and to the mirror alias when an index has it.
 * <p>
 * Pipelined in three stages, one thread each, so Elasticsearch always has work: the reading thread reads, validates
 * and decides a batch (one {@code mget}); a second writes the audit entries of the batches decided before it, all
 * that wait in one request (each audit request queues behind movie writes on Elasticsearch's write threads, so
 * fewer requests mean shorter stalls); a third hands the movies of audited batches to the bulk writer. A batch's movies go only after its audit entries are
 * written, as the audit requires, and batches pass every stage in order, at most {@link #PIPELINED} under way. After a failure no
 * later batch is sent (later decisions may rest on writes that never happened): the files of every batch not sent
 * are reported, so their deliveries are retried whole.
 */
public final class AuditedWrites implements AutoCloseable {

    private static final int PIPELINED = 3;

    private static final Logger log = LoggerFactory.getLogger(AuditedWrites.class);

    private final ElasticsearchClient client;
    private final MovieIndexAdmin admin;
    private final BulkProperties bulk;
    private final ChangeTracker changes;
    private final BulkMovieWriter writer;
    private final int size;
    private final List<Intent> intents = new ArrayList<>();
    private final ChangeTracker.Session session;
    private final ExecutorService auditing = stage("audit-writes");
    private final ExecutorService sending = stage("movie-writes");
    private final Semaphore ahead = new Semaphore(PIPELINED);
    private final Queue<Decided> awaitingAudit = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Map<String, RuntimeException> lost = new ConcurrentHashMap<>();
    private volatile BulkMovieWriter mirror;
    private Consumer<ChangeTracker.Refusal> refusals = refusal -> {
    };

    /** Writes through {@code writer}, and through the mirror alias while an index has it, in batches of the bulk size. */
    public AuditedWrites(ElasticsearchClient client, MovieIndexAdmin admin, BulkProperties bulk, ChangeTracker changes,
            BulkMovieWriter writer) {
        this.client = client;
        this.admin = admin;
        this.bulk = bulk;
        this.changes = changes;
        this.session = changes.session();
        this.writer = writer;
        this.size = bulk.maxOperations();
    }

    /** Where writes refused by {@link Ownership} are reported, on the adding thread. */
    public void onRefusal(Consumer<ChangeTracker.Refusal> sink) {
        this.refusals = sink;
    }

    /** Adds an intended write; a full batch is decided at once and goes down the pipeline. */
    public void add(Intent intent) {
        intents.add(intent);
        if (intents.size() >= size) {
            send();
        }
    }

    /**
     * Sends what was added, and returns once all of it is with the writer: with the files (by URI) some of whose
     * records could not be sent, and why.
     */
    public Map<String, RuntimeException> finish() {
        send();
        ahead.acquireUninterruptibly(PIPELINED);
        ahead.release(PIPELINED);
        return Map.copyOf(lost);
    }

    private void send() {
        if (intents.isEmpty()) {
            return;
        }
        List<Intent> batch = List.copyOf(intents);
        intents.clear();
        if (failure.get() != null) {
            lose(batch, failure.get());
            return;
        }
        Optional<String> mirrored;
        ChangeTracker.Decision decision;
        try {
            // Asked before the audit is written: a reindex's catch-up covers every change audited from shortly
            // before the mirror appeared, so a batch that missed it is still carried over.
            mirrored = admin.mirrorIndex();
            if (mirrored.isPresent() && mirror == null) {
                mirror = BulkMovieWriter.toMirror(client, admin.names().mirrorAlias(), bulk);
            }
            decision = session.decide(batch);
            decision.refusals().forEach(refusals);
        }
        catch (RuntimeException ex) {
            failure.compareAndSet(null, ex);
            lose(batch, ex);
            return;
        }
        ahead.acquireUninterruptibly();
        awaitingAudit.add(new Decided(batch, decision, mirrored.isPresent()));
        auditing.execute(this::recordAwaitingAudit);
    }

    /**
     * Writes the audit entries of every batch decided since the last audit request, in one request (a group
     * commit), then hands their movies on in order. A run that finds nothing waiting had its batches taken by
     * the run before it.
     */
    private void recordAwaitingAudit() {
        List<Decided> group = new ArrayList<>();
        for (Decided decided = awaitingAudit.poll(); decided != null; decided = awaitingAudit.poll()) {
            group.add(decided);
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            if (failure.get() == null) {
                changes.record(group.stream().map(Decided::decision).toList());
            }
        }
        catch (RuntimeException ex) {
            failure.compareAndSet(null, ex);
        }
        group.forEach(decided -> sending.execute(() -> sendMovies(decided)));
    }

    private void sendMovies(Decided decided) {
        try {
            if (failure.get() != null) {
                lose(decided.batch(), failure.get());
                return;
            }
            for (Intent write : decided.decision().writes()) {
                write.writeTo(writer);
                if (decided.mirrored()) {
                    write.writeTo(mirror);
                }
            }
        }
        catch (RuntimeException ex) {
            failure.compareAndSet(null, ex);
            lose(decided.batch(), ex);
        }
        finally {
            ahead.release();
        }
    }

    private static ExecutorService stage(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A batch decided, waiting for its audit entries to be written; {@code mirrored} when a mirror index existed as it was decided. */
    private record Decided(List<Intent> batch, ChangeTracker.Decision decision, boolean mirrored) {
    }

    private void lose(List<Intent> batch, RuntimeException cause) {
        batch.forEach(intent -> lost.putIfAbsent(intent.uri(), cause));
    }

    @Override
    public void close() {
        ahead.acquireUninterruptibly(PIPELINED);
        auditing.shutdown();
        sending.shutdown();
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
