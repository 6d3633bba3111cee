package io.marquee.indexer.indices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Bytes;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import io.marquee.indexer.index.Calls;
import io.marquee.schema.IndexNames;
import io.marquee.schema.SchemaInstaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's administration of the versioned movie indices behind the aliases: creating, listing, mirroring,
 * flipping and deleting them, and rolling the audit trail over. Installing the schema itself is
 * {@link SchemaInstaller}'s, which this delegates to.
 */
public final class MovieIndexAdmin {

    private static final Logger log = LoggerFactory.getLogger(MovieIndexAdmin.class);

    private final ElasticsearchClient client;
    private final SchemaInstaller schema;
    private final IndexNames names;

    public MovieIndexAdmin(ElasticsearchClient client, SchemaInstaller schema) {
        this.client = client;
        this.schema = schema;
        this.names = schema.names();
    }

    public IndexNames names() {
        return names;
    }

    /** Puts the component and index templates (see {@link SchemaInstaller#installTemplates()}). */
    public void installTemplates() {
        schema.installTemplates();
    }

    /** Installs the schema and, on an empty cluster, the first indices (see {@link SchemaInstaller#bootstrap()}). */
    public SchemaInstaller.Bootstrap bootstrap() {
        return schema.bootstrap();
    }

    /** How long movie indices remember deleted documents' versions ({@code index.gc_deletes}), e.g. {@code 30d}. */
    public String tombstoneRetention() {
        return schema.tombstoneRetention();
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

    private Optional<String> aliasTarget(String alias) {
        return schema.aliasTarget(alias);
    }

    private static long parseLong(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value);
    }

    private static <T> T call(Calls.IoCall<T> call) {
        return Calls.io("administering the movie indices", call);
    }

    /** A versioned movie index as {@code indexer status} shows it. */
    public record IndexInfo(String name, int version, long documents, long sizeBytes, Instant createdAt, String health,
            List<String> aliases) {
    }
}
