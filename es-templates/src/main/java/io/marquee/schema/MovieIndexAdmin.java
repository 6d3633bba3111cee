package io.marquee.schema;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Bytes;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the schema templates and manages the versioned indices behind the aliases. Every operation is
 * idempotent, so the indexer, a Kubernetes Job and the tests can all call {@link #bootstrap()} safely.
 */
public final class MovieIndexAdmin {

    private static final Logger log = LoggerFactory.getLogger(MovieIndexAdmin.class);

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final SchemaTemplates templates;

    public MovieIndexAdmin(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
        this.templates = new SchemaTemplates(names);
    }

    public IndexNames names() {
        return names;
    }

    /** Puts the component templates and the index template; later versions of the files replace earlier ones. */
    public void installTemplates() {
        call(() -> {
            for (Map.Entry<String, String> component : templates.componentTemplates().entrySet()) {
                client.cluster().putComponentTemplate(r -> r.name(component.getKey())
                        .withJson(new StringReader(component.getValue())));
            }
            for (Map.Entry<String, String> template : templates.indexTemplates().entrySet()) {
                client.indices().putIndexTemplate(r -> r.name(template.getKey()).withJson(new StringReader(template.getValue())));
            }
            return null;
        });
    }

    /**
     * Installs the templates and, on a cluster without the read alias, creates {@code movies-v1} with both
     * aliases in one request, so no reader ever sees one alias without the other.
     */
    public Bootstrap bootstrap() {
        installTemplates();
        bootstrapAudit();
        bootstrapControl();
        Optional<String> existing = readIndex();
        if (existing.isPresent()) {
            keepTombstones(existing.get());
            return new Bootstrap(existing.get(), false);
        }
        String first = names.versionedIndex(1);
        try {
            call(() -> client.indices().create(r -> r.index(first)
                    .aliases(names.readAlias(), a -> a)
                    .aliases(names.writeAlias(), a -> a.isWriteIndex(true))));
            client.cluster().health(h -> h.index(first).waitForStatus(HealthStatus.Yellow));
            log.info("Created index {} behind aliases {} and {}", first, names.readAlias(), names.writeAlias());
            return new Bootstrap(first, true);
        }
        catch (ElasticsearchException ex) {
            // Another bootstrapper won the race; what matters is that the aliases now exist.
            if ("resource_already_exists_exception".equals(ex.error().type())) {
                return new Bootstrap(readIndex().orElseThrow(() -> ex), false);
            }
            throw ex;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** How long movie indices remember deleted documents' versions ({@code index.gc_deletes}), e.g. {@code 30d}. */
    public String tombstoneRetention() {
        return templates.tombstoneRetention();
    }

    /**
     * Gives an index made from older templates the tombstone retention of the current ones: a dynamic setting, so an
     * index need not be rebuilt for it, and one a shorter value of would let a replayed old delivery undo a delete.
     */
    private void keepTombstones(String index) {
        String retention = templates.tombstoneRetention();
        call(() -> client.indices().putSettings(r -> r.index(index).settings(s -> s.gcDeletes(t -> t.time(retention)))));
    }

    /** Creates the first audit index behind the {@code movies-audit} write alias, unless the alias exists. */
    private void bootstrapAudit() {
        if (aliasTarget(names.auditAlias()).isPresent()) {
            return;
        }
        try {
            call(() -> client.indices().create(r -> r.index(names.auditIndex(1)).aliases(names.auditAlias(), a -> a.isWriteIndex(true))));
        }
        catch (ElasticsearchException ex) {
            if (!"resource_already_exists_exception".equals(ex.error().type())) {
                throw ex;
            }
        }
    }

    /** Creates the control index (reindex lease, alias state) unless it exists. */
    private void bootstrapControl() {
        try {
            if (!call(() -> client.indices().exists(r -> r.index(names.controlIndex())).value())) {
                call(() -> client.indices().create(r -> r.index(names.controlIndex())));
            }
        }
        catch (ElasticsearchException ex) {
            if (!"resource_already_exists_exception".equals(ex.error().type())) {
                throw ex;
            }
        }
    }

    /**
     * Creates an empty versioned index from the current templates, with no alias: nobody reads or writes it until
     * an operator attaches it. Waits until its primary is allocated.
     */
    public void createIndex(String index) {
        if (names.versionOf(index).isEmpty()) {
            throw new IllegalArgumentException("Not a versioned movie index of this deployment: " + index);
        }
        call(() -> client.indices().create(r -> r.index(index)));
        call(() -> client.cluster().health(h -> h.index(index).waitForStatus(HealthStatus.Yellow)));
        log.info("Created index {}", index);
    }

    /** The versioned movie indices, oldest version first, with their size and the aliases on them. */
    public List<IndexInfo> indices() {
        return call(() -> {
            List<IndicesRecord> records = client.cat().indices(r -> r.index(names.indexPattern()).bytes(Bytes.Bytes)
                    .h("index", "health", "docs.count", "store.size", "creation.date")).valueBody();
            Map<String, IndexAliases> aliases = records.isEmpty() ? Map.of()
                    : client.indices().getAlias(r -> r.index(names.indexPattern())).result();
            List<IndexInfo> infos = new ArrayList<>();
            for (IndicesRecord record : records) {
                IndexAliases onIndex = aliases.get(record.index());
                infos.add(new IndexInfo(record.index(), names.versionOf(record.index()).orElse(0), parseLong(record.docsCount()),
                        parseLong(record.storeSize()), record.creationDate() == null ? null
                                : Instant.ofEpochMilli(Long.parseLong(record.creationDate())), record.health(),
                        onIndex == null ? List.of() : List.copyOf(new TreeMap<>(onIndex.aliases()).keySet())));
            }
            infos.sort(Comparator.comparingInt(IndexInfo::version));
            return infos;
        });
    }

    /** The highest version any movie index of this deployment has, 0 when there is none. */
    public int highestVersion() {
        return indices().stream().mapToInt(IndexInfo::version).max().orElse(0);
    }

    /** The index the mirror alias points to, if any. */
    public Optional<String> mirrorIndex() {
        return aliasTarget(names.mirrorAlias());
    }

    /**
     * Moves the mirror alias to {@code index} in one request, from wherever it was; every write then also reaches
     * that index.
     */
    public void attachMirror(String index) {
        Optional<String> current = mirrorIndex();
        List<Action> actions = new ArrayList<>();
        current.ifPresent(old -> actions.add(Action.of(a -> a.remove(r -> r.index(old).alias(names.mirrorAlias())))));
        actions.add(Action.of(a -> a.add(r -> r.index(index).alias(names.mirrorAlias()).isWriteIndex(true))));
        call(() -> client.indices().updateAliases(r -> r.actions(actions)));
    }

    /** Removes the mirror alias, if any index has it. */
    public void detachMirror() {
        mirrorIndex().ifPresent(index -> call(() -> client.indices().updateAliases(r -> r.actions(a -> a.remove(rm -> rm.index(index)
                .alias(names.mirrorAlias()))))));
    }

    /**
     * Moves the read and write aliases from {@code from} to {@code to}, and the mirror alias onto {@code from}, in
     * one atomic {@code _aliases} request: every reader and writer sees either the old or the new arrangement, and
     * {@code from} keeps receiving every write, so flipping back loses nothing.
     */
    public void flip(String from, String to) {
        if (names.versionOf(to).isEmpty() || names.versionOf(from).isEmpty()) {
            throw new IllegalArgumentException("Not versioned movie indices of this deployment: " + from + ", " + to);
        }
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.remove(r -> r.index(from).alias(names.readAlias()))));
        actions.add(Action.of(a -> a.remove(r -> r.index(from).alias(names.writeAlias()))));
        mirrorIndex().ifPresent(mirror -> actions.add(Action.of(a -> a.remove(r -> r.index(mirror).alias(names.mirrorAlias())))));
        actions.add(Action.of(a -> a.add(r -> r.index(to).alias(names.readAlias()))));
        actions.add(Action.of(a -> a.add(r -> r.index(to).alias(names.writeAlias()).isWriteIndex(true))));
        actions.add(Action.of(a -> a.add(r -> r.index(from).alias(names.mirrorAlias()).isWriteIndex(true))));
        call(() -> client.indices().updateAliases(r -> r.actions(actions)));
        log.info("Flipped aliases {} and {} from {} to {}", names.readAlias(), names.writeAlias(), from, to);
    }

    /** Deletes a versioned index, refusing one that the read or write alias points to. */
    public void deleteIndex(String index) {
        if (names.versionOf(index).isEmpty()) {
            throw new IllegalArgumentException("Not a versioned movie index of this deployment: " + index);
        }
        if (readIndex().filter(index::equals).isPresent() || writeIndex().filter(index::equals).isPresent()) {
            throw new IllegalStateException("Refusing to delete " + index + ": it is live");
        }
        call(() -> client.indices().delete(r -> r.index(index)));
        log.info("Deleted index {}", index);
    }

    /**
     * Rolls the audit trail over to a new index when the current one is older or larger than given, so no audit
     * index grows without bound. Returns whether it rolled over.
     */
    public boolean rolloverAudit(String maxAge, String maxPrimaryShardSize) {
        return call(() -> client.indices().rollover(r -> r.alias(names.auditAlias()).conditions(c -> c
                .maxAge(t -> t.time(maxAge)).maxPrimaryShardSize(maxPrimaryShardSize)))).rolledOver();
    }

    /** The concrete index the read alias points to, if the alias exists. */
    public Optional<String> readIndex() {
        return aliasTarget(names.readAlias());
    }

    /** The concrete index the write alias writes to, if the alias exists. */
    public Optional<String> writeIndex() {
        return aliasTarget(names.writeAlias());
    }

    /** Makes recent writes (movies and their audit entries) visible to search; for loaders that report what they indexed. */
    public void refresh() {
        call(() -> client.indices().refresh(r -> r.index(names.writeAlias(), names.auditAlias()).allowNoIndices(true)
                .ignoreUnavailable(true)));
    }

    /** Removes every index and template of this deployment. For tests and throwaway local stacks only. */
    public void deleteEverything() {
        call(() -> {
            // Concrete names, because clusters refuse wildcard deletes (action.destructive_requires_name).
            List<String> indices = List.copyOf(client.indices().get(r -> r.index(names.indexPattern(), names.auditPattern(),
                            names.controlIndex())
                    .allowNoIndices(true).ignoreUnavailable(true)).result().keySet());
            if (!indices.isEmpty()) {
                client.indices().delete(r -> r.index(indices));
            }
            for (String template : templates.indexTemplates().keySet()) {
                if (client.indices().existsIndexTemplate(r -> r.name(template)).value()) {
                    client.indices().deleteIndexTemplate(r -> r.name(template));
                }
            }
            for (String component : templates.componentTemplates().keySet()) {
                if (client.cluster().existsComponentTemplate(r -> r.name(component)).value()) {
                    client.cluster().deleteComponentTemplate(r -> r.name(component));
                }
            }
            return null;
        });
    }

    private Optional<String> aliasTarget(String alias) {
        return call(() -> {
            if (!client.indices().existsAlias(r -> r.name(alias)).value()) {
                return Optional.empty();
            }
            Map<String, IndexAliases> byIndex = client.indices().getAlias(r -> r.name(alias)).result();
            if (byIndex.size() == 1) {
                return Optional.of(byIndex.keySet().iterator().next());
            }
            return byIndex.entrySet().stream()
                    .filter(e -> Boolean.TRUE.equals(e.getValue().aliases().get(alias).isWriteIndex()))
                    .map(Map.Entry::getKey)
                    .findFirst();
        });
    }

    private static long parseLong(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value);
    }

    private <T> T call(IoCall<T> call) {
        try {
            return call.run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch unreachable: " + ex.getMessage(), ex);
        }
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }

    /** A versioned movie index as {@code indexer status} shows it. */
    public record IndexInfo(String name, int version, long documents, long sizeBytes, Instant createdAt, String health,
            List<String> aliases) {
    }

    /** The index the read alias points at after bootstrap, and whether this call created it. */
    public record Bootstrap(String index, boolean created) {
    }
}
