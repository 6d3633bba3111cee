package io.marquee.indexer.index;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieJson;

/**
 * Indexes documents with the client's {@link BulkIngester}. Documents that fail with 429 or 5xx, and whole
 * requests that fail (node unreachable), are re-queued after an exponential, jittered backoff until
 * {@link BulkProperties#maxRetries()} is spent; every other failure is recorded with its reason. Nothing is
 * dropped silently: {@link #finish()} waits until every document has an outcome.
 * <p>
 * One writer serves one load and is then finished; it is not thread-safe for {@link #add} from several threads
 * beyond what the ingester itself allows. It writes to one target: the write alias ({@link #toAlias}), a concrete
 * index being filled ({@link #toIndex}), or the mirror alias ({@link #toMirror}).
 */
public final class BulkMovieWriter {

    private static final Logger log = LoggerFactory.getLogger(BulkMovieWriter.class);

    private final BulkProperties properties;
    private final String target;
    private final boolean missingTargetIsFinal;
    private final BulkIngester<Pending> ingester;
    private final ScheduledExecutorService retryScheduler;
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final ConcurrentLinkedQueue<WriteOutcome.Failure> failures = new ConcurrentLinkedQueue<>();
    private final Object done = new Object();
    private final ObjectMapper json = MovieJson.objectMapper();

    /** A writer to an alias that must exist; while it is missing, writes are retried like an unavailable node. */
    public static BulkMovieWriter toAlias(ElasticsearchClient client, String alias, BulkProperties properties) {
        return new BulkMovieWriter(client, alias, true, false, properties);
    }

    /** A writer filling a concrete index (a reindex's candidate), which nothing may have created implicitly. */
    public static BulkMovieWriter toIndex(ElasticsearchClient client, String index, BulkProperties properties) {
        return new BulkMovieWriter(client, index, false, true, properties);
    }

    /**
     * A writer to the mirror alias: when the alias has gone (a flip or a cleanup moved it), its writes fail at once
     * rather than being retried, because they are no longer wanted.
     */
    public static BulkMovieWriter toMirror(ElasticsearchClient client, String alias, BulkProperties properties) {
        return new BulkMovieWriter(client, alias, true, true, properties);
    }

    private BulkMovieWriter(ElasticsearchClient client, String target, boolean requireAlias, boolean missingTargetIsFinal,
            BulkProperties properties) {
        this.properties = properties;
        this.target = target;
        this.missingTargetIsFinal = missingTargetIsFinal;
        this.retryScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bulk-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.ingester = BulkIngester.of(b -> b.client(client)
                .maxOperations(properties.maxOperations())
                .maxSize(properties.maxSize().toBytes())
                .maxConcurrentRequests(properties.concurrentRequests())
                .flushInterval(properties.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                // Writes go to the write alias or nowhere: without require_alias, a missing alias would silently
                // become a new concrete index of that name, outside every template and alias.
                .globalSettings(g -> g.requireAlias(requireAlias))
                .listener(new Listener()));
    }

    /** Queues a document; blocks while the configured number of bulk requests is in flight. */
    public void add(MovieDocument document, String uri, long position) {
        add(document, null, uri, position);
    }

    /**
     * Queues a document written only if {@code version} is at least the version already indexed for it
     * (external versioning): an older delivery never overwrites a newer one.
     */
    public void add(MovieDocument document, Long version, String uri, long position) {
        byte[] source;
        try {
            source = json.writeValueAsBytes(document);
        }
        catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Movie document cannot be serialised: " + document.id(), ex);
        }
        outstanding.incrementAndGet();
        submit(new Pending(document.id(), source, version, uri, position, 0));
    }

    /** Queues the deletion of a movie, versioned like {@link #add(MovieDocument, Long, String, long)}. */
    public void delete(String id, Long version, String uri, long position) {
        outstanding.incrementAndGet();
        submit(new Pending(id, null, version, uri, position, 0));
    }

    /** Flushes, waits for every queued document to succeed or finally fail, and reports. */
    public WriteOutcome finish() {
        awaitQueued();
        ingester.close();
        retryScheduler.shutdownNow();
        return new WriteOutcome(created.get(), updated.get(), deleted.get(), notFound.get(), stale.get(), List.copyOf(failures),
                retries.get());
    }

    /** Flushes and waits until every document queued so far has an outcome. */
    private void awaitQueued() {
        ingester.flush();
        synchronized (done) {
            while (outstanding.get() > 0) {
                try {
                    done.wait(100);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for bulk requests", ex);
                }
                ingester.flush();
            }
        }
    }

    private void submit(Pending pending) {
        // Serialised once, here, with the schema's own mapper: the ingester can then size and send the bytes as
        // they are, rather than serialising each document twice through JSON-P.
        if (pending.source() == null) {
            ingester.add(op -> op.delete(d -> {
                d.index(target).id(pending.id());
                if (pending.version() != null) {
                    d.version(pending.version()).versionType(VersionType.ExternalGte);
                }
                return d;
            }), pending);
            return;
        }
        BinaryData source = BinaryData.of(pending.source(), ContentType.APPLICATION_JSON);
        ingester.add(op -> op.index(i -> {
            i.index(target).id(pending.id()).document(source);
            if (pending.version() != null) {
                i.version(pending.version()).versionType(VersionType.ExternalGte);
            }
            return i;
        }), pending);
    }

    private void retryOrFail(Pending pending, int status, String reason) {
        boolean retryable = status == 429 || status >= 500 || status == 0;
        if (retryable && pending.attempt() < properties.maxRetries()) {
            retries.incrementAndGet();
            long base = properties.initialBackoff().toMillis() << Math.min(pending.attempt(), 10);
            long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
            // Re-queue from the scheduler, never from the client's I/O thread: add() may block.
            retryScheduler.schedule(() -> submit(pending.nextAttempt()), delay, TimeUnit.MILLISECONDS);
            return;
        }
        failures.add(new WriteOutcome.Failure(pending.uri(), pending.position(), pending.id(), reason, retryable));
        completed();
    }

    private void completed() {
        if (outstanding.decrementAndGet() == 0) {
            synchronized (done) {
                done.notifyAll();
            }
        }
    }

    private final class Listener implements BulkListener<Pending> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {
            // Nothing to prepare; outcomes are counted after each request.
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            for (int i = 0; i < contexts.size(); i++) {
                BulkResponseItem item = response.items().get(i);
                Pending pending = contexts.get(i);
                if (item.error() == null) {
                    count(item);
                    completed();
                }
                else if (item.status() == 409) {
                    // The index holds a newer version of this movie: the write is obsolete, not failed.
                    stale.incrementAndGet();
                    completed();
                }
                else {
                    // A missing write alias is a moment in a bootstrap or an operator's fix, not a verdict on the document.
                    boolean missing = "index_not_found_exception".equals(item.error().type());
                    int status = missing && !missingTargetIsFinal ? 503 : item.status();
                    retryOrFail(pending, status, item.error().type() + ": " + item.error().reason());
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
            // A whole request that failed without an answer (unreachable, reset) is worth retrying; one that
            // Elasticsearch answered with a status is judged by that status, like a single item.
            int status = failure instanceof ElasticsearchException es ? es.status() : 0;
            log.warn("Bulk request of {} documents failed ({}): {}", contexts.size(), status == 0 ? "no answer" : status, failure.toString());
            contexts.forEach(pending -> retryOrFail(pending, status, "request failed: " + failure));
        }

        private void count(BulkResponseItem item) {
            if (item.operationType() == OperationType.Delete) {
                ("not_found".equals(item.result()) ? notFound : deleted).incrementAndGet();
            }
            else {
                ("created".equals(item.result()) ? created : updated).incrementAndGet();
            }
        }
    }

    /**
     * A serialised document (or, without a source, a deletion) on its way, with its version, where it came from
     * and how often it has been tried.
     */
    private record Pending(String id, byte[] source, Long version, String uri, long position, int attempt) {

        Pending nextAttempt() {
            return new Pending(id, source, version, uri, position, attempt + 1);
        }
    }
}
