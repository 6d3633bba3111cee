package io.marquee.indexer.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;

import io.marquee.movie.AuditEntry;
import io.marquee.schema.IndexNames;
import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieSource;

/**
 * Decides, for a batch of intended writes, which change anything, and records those in the audit trail first.
 * Writing the audit entry before the change, under a deterministic id, means a crash between the two loses no
 * entry: the redelivered change is still a change, and its entry is rewritten in place.
 */
public final class ChangeTracker {

    /** The facts compared to decide whether a record changes its movie. */
    /** What the audit trail compares: a movie's facts and who delivered them. */
    static final List<String> FACT_FIELDS = Stream.concat(MovieDocument.Facts.NAMES.stream(), Stream.of("provider")).toList();

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final String indexer;
    private final Clock clock;

    private final Ownership ownership;

    public ChangeTracker(ElasticsearchClient client, IndexNames names, String indexer, Clock clock, Ownership ownership) {
        this.client = client;
        this.names = names;
        this.indexer = indexer;
        this.clock = clock;
        this.ownership = ownership;
    }

    /** A tracker for one load: it remembers what it decided, so later batches need not wait for earlier writes. */
    public Session session() {
        return new Session();
    }

    /**
     * The decisions of one load. The state it decided for recent movies (more than the bulk writer can hold in
     * flight) overrides what Elasticsearch reports, because writes of earlier batches may still be on their way.
     */
    public final class Session {

        // More than a load can have decided but not yet indexed at default sizes: batches in the loader's pipeline (3),
        // bulk requests in flight (2) and the one filling, of 1,000 each. Each holds a movie's facts, extract included,
        // so it is also what bounds the loader's memory (SmallHeapLoadIntegrationTests: 64 MB; 20,000 did not fit).
        private static final int REMEMBERED = 10_000;

        private final Map<String, Current> decided = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Current> eldest) {
                return size() > REMEMBERED;
            }
        };

        /**
         * Decides which of {@code intents} change anything, remembering it for the batches after; the audit entries
         * are written by {@link ChangeTracker#record(List)}, which must happen before the writes are sent. Later batches may be
         * decided before an earlier decision is recorded: they see its effects through this session's memory.
         *
         * @throws UncheckedIOException when Elasticsearch cannot be asked
         */
        public Decision decide(List<Intent> intents) {
            if (intents.isEmpty()) {
                return new Decision(List.of(), List.of(), List.of());
            }
            Map<String, Current> current = current(intents.stream().map(Intent::id).distinct().filter(id -> !decided.containsKey(id)).toList());
            for (Intent intent : intents) {
                Current state = decided.get(intent.id());
                if (state != null) {
                    current.put(intent.id(), state);
                }
            }
            Decision decision = ChangeTracker.this.decide(intents, current);
            intents.forEach(intent -> {
                if (current.containsKey(intent.id())) {
                    decided.put(intent.id(), current.get(intent.id()));
                }
            });
            return decision;
        }
    }

    /**
     * The writes a batch needs, in order, the audit entries that must be written before them, and the intents
     * refused because their provider may not change the movie ({@link Ownership}).
     */
    public final class Decision {

        private final List<Intent> writes;
        private final List<AuditEntry> entries;
        private final List<Refusal> refusals;

        private Decision(List<Intent> writes, List<AuditEntry> entries, List<Refusal> refusals) {
            this.writes = writes;
            this.entries = entries;
            this.refusals = refusals;
        }

        public List<Intent> writes() {
            return writes;
        }

        public List<Refusal> refusals() {
            return refusals;
        }
    }

    /** An intended write that was not allowed, and why. */
    public record Refusal(Intent intent, String reason) {
    }

    /**
     * Writes the audit entries of several decisions in one request: each request to the audit index waits its turn
     * behind the movie writes on Elasticsearch's write threads, so the fewer, the sooner the movies can follow.
     *
     * @throws UncheckedIOException when they cannot be written
     */
    public void record(List<Decision> decisions) {
        write(decisions.stream().flatMap(decision -> decision.entries.stream()).toList());
    }

    private Decision decide(List<Intent> intents, Map<String, Current> current) {
        List<Intent> writes = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (Intent requested : intents) {
            Intent intent = requested;
            Current before = current.get(intent.id());
            if (before != null && intent.version() != null && before.version() != null && intent.version() < before.version()) {
                continue;
            }
            String owner = before == null || before.facts() == null ? null : before.provider();
            Optional<String> refused = ownership.refusal(intent.provider(), owner, intent.id());
            if (refused.isPresent()) {
                refusals.add(new Refusal(intent, refused.get()));
                continue;
            }
            if (owner != null && intent.document() != null && !owner.equals(intent.document().provider())) {
                // A trusted provider's change: the movie stays with its owner.
                intent = intent.withDocument(intent.document().ownedBy(owner));
            }
            if (intent.document() == null) {
                writes.add(intent);
                if (before != null && before.facts() != null) {
                    entries.add(entry(intent, AuditEntry.Action.DELETE, List.of()));
                }
                current.put(intent.id(), new Current(null, null, intent.version()));
                continue;
            }
            List<String> changed = before == null || before.facts() == null ? FACT_FIELDS : changedFields(before, intent.document());
            boolean sameVersion = intent.version() == null || (before != null && Objects.equals(intent.version(), before.version()));
            if (changed.isEmpty() && sameVersion) {
                continue;
            }
            writes.add(intent);
            if (!changed.isEmpty()) {
                entries.add(entry(intent, before == null || before.facts() == null ? AuditEntry.Action.CREATE : AuditEntry.Action.UPDATE,
                        changed));
            }
            current.put(intent.id(), Current.of(intent.document(), intent.version()));
        }
        return new Decision(writes, entries, refusals);
    }

    static List<String> changedFields(Current before, MovieDocument after) {
        List<String> changed = after.facts().changedFrom(before.facts());
        if (!Objects.equals(before.provider(), after.provider())) {
            changed.add("provider");
        }
        return changed;
    }

    private Map<String, Current> current(List<String> ids) {
        if (ids.isEmpty()) {
            return new java.util.HashMap<>();
        }
        try {
            // Only the compared facts: the derived (folded, suggestion) fields would double what is read.
            MgetResponse<MovieDocument> response = client.mget(m -> m.index(names.writeAlias()).ids(ids).sourceIncludes(FACT_FIELDS),
                    MovieDocument.class);
            Map<String, Current> byId = new java.util.HashMap<>();
            for (MultiGetResponseItem<MovieDocument> item : response.docs()) {
                if (item.isResult() && item.result().found()) {
                    byId.put(item.result().id(), Current.of(item.result().source(), item.result().version()));
                }
            }
            return byId;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read current movies", ex);
        }
    }

    private void write(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = entries.stream()
                .map(entry -> BulkOperation.of(op -> op.index(i -> i.index(names.auditAlias()).id(entry.id()).document(entry))))
                .toList();
        try {
            BulkResponse response = client.bulk(b -> b.operations(operations).requireAlias(true));
            if (response.errors()) {
                Set<String> reasons = response.items().stream().filter(i -> i.error() != null)
                        .map(i -> i.error().type() + ": " + i.error().reason()).collect(Collectors.toCollection(LinkedHashSet::new));
                throw new UncheckedIOException(new IOException("Audit entries not written: " + reasons));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write audit entries", ex);
        }
    }

    /** Records that a delivery was removed from the bucket; no movie changes (objects are deliveries). */
    public void recordObjectRemoved(String provider, String bucket, String key, String versionId, String sequencer) {
        write(List.of(new AuditEntry(null, AuditEntry.Action.OBJECT_REMOVED.value(), List.of(), provider, bucket, key, versionId, null,
                sequencer, "s3://" + bucket + "/" + key, null, null, clock.instant(), indexer)));
    }

    private AuditEntry entry(Intent intent, AuditEntry.Action action, List<String> changed) {
        MovieSource source = intent.source();
        return new AuditEntry(intent.id(), action.value(), changed, intent.provider(), source == null ? null : source.bucket(),
                source == null ? null : source.key(), source == null ? null : source.versionId(), source == null ? null : source.etag(),
                source == null ? null : source.sequencer(), source == null ? null : source.uri(), source == null ? null : source.position(),
                intent.version(), clock.instant(), indexer);
    }

    /** What is known of a movie's indexed state: its facts (null when deleted) and version; no derived fields. */
    record Current(MovieDocument.Facts facts, String provider, Long version) {

        static Current of(MovieDocument document, Long version) {
            return new Current(document.facts(), document.provider(), version);
        }
    }
}
