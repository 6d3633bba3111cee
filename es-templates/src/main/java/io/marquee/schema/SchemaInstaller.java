package io.marquee.schema;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the schema on a cluster: the component and index templates, and on a cluster without them the first
 * movie index behind both aliases, the first audit index and the control index. Every operation is idempotent, so
 * the indexer, a Kubernetes Job and the tests can all call {@link #bootstrap()} safely.
 */
public final class SchemaInstaller {

    private static final Logger log = LoggerFactory.getLogger(SchemaInstaller.class);

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final SchemaTemplates templates;

    public SchemaInstaller(ElasticsearchClient client, SchemaTemplates templates) {
        this.client = client;
        this.templates = templates;
        this.names = templates.names();
    }

    public IndexNames names() {
        return names;
    }

    /** Puts the component templates and the index templates; later versions of the files replace earlier ones. */
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
     * Installs the templates and, on a cluster without the read alias, creates the first versioned index with both
     * aliases in one request, so no reader ever sees one alias without the other.
     */
    public Bootstrap bootstrap() {
        installTemplates();
        bootstrapAudit();
        bootstrapControl();
        Optional<String> existing = aliasTarget(names.readAlias());
        if (existing.isPresent()) {
            keepTombstones(existing.get());
            return new Bootstrap(existing.get(), false);
        }
        String first = names.versionedIndex(1);
        try {
            call(() -> client.indices().create(r -> r.index(first)
                    .aliases(names.readAlias(), a -> a)
                    .aliases(names.writeAlias(), a -> a.isWriteIndex(true))));
            call(() -> client.cluster().health(h -> h.index(first).waitForStatus(HealthStatus.Yellow)));
            log.info("Created index {} behind aliases {} and {}", first, names.readAlias(), names.writeAlias());
            return new Bootstrap(first, true);
        }
        catch (ElasticsearchException ex) {
            // Another bootstrapper won the race; what matters is that the aliases now exist.
            if (alreadyExists(ex)) {
                return new Bootstrap(aliasTarget(names.readAlias()).orElseThrow(() -> ex), false);
            }
            throw ex;
        }
    }

    /** How long movie indices remember deleted documents' versions ({@code index.gc_deletes}), e.g. {@code 30d}. */
    public String tombstoneRetention() {
        return templates.tombstoneRetention();
    }

    /**
     * The concrete index an alias of this deployment points to: its only index, or the one marked as its write index;
     * empty when the alias does not exist.
     */
    public Optional<String> aliasTarget(String alias) {
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

    /**
     * Gives an index made from older templates the tombstone retention of the current ones: a dynamic setting, so an
     * index need not be rebuilt for it, and one a shorter value of would let a replayed old delivery undo a delete.
     */
    private void keepTombstones(String index) {
        String retention = templates.tombstoneRetention();
        call(() -> client.indices().putSettings(r -> r.index(index).settings(s -> s.gcDeletes(t -> t.time(retention)))));
    }

    /** Creates the first audit index behind the audit write alias, unless the alias exists. */
    private void bootstrapAudit() {
        if (aliasTarget(names.auditAlias()).isPresent()) {
            return;
        }
        try {
            call(() -> client.indices().create(r -> r.index(names.auditIndex(1)).aliases(names.auditAlias(), a -> a.isWriteIndex(true))));
        }
        catch (ElasticsearchException ex) {
            if (!alreadyExists(ex)) {
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
            if (!alreadyExists(ex)) {
                throw ex;
            }
        }
    }

    private static boolean alreadyExists(ElasticsearchException ex) {
        return "resource_already_exists_exception".equals(ex.error().type());
    }

    private static <T> T call(IoCall<T> call) {
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

    /** The index the read alias points at after bootstrap, and whether this call created it. */
    public record Bootstrap(String index, boolean created) {
    }
}
