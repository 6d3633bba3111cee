package io.marquee.schema;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestClients;
import io.marquee.testsupport.elasticsearch.TestIndices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ElasticsearchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovieIndexAdminIntegrationTests {

    private ElasticsearchClient client;
    private MovieIndexAdmin admin;
    private IndexNames names;

    @BeforeAll
    void connect(TestIndices indices) {
        client = TestClients.blocking(indices.endpoint(), MovieJson.jsonpMapper());
        names = new IndexNames(indices.prefix());
        admin = new MovieIndexAdmin(client, names);
    }

    @AfterAll
    void disconnect() throws IOException {
        client._transport().close();
    }

    @BeforeEach
    void emptyCluster() {
        admin.deleteEverything();
    }

    @Test
    void bootstrapCreatesFirstVersionBehindBothAliases() throws IOException {
        MovieIndexAdmin.Bootstrap bootstrap = admin.bootstrap();

        assertThat(bootstrap).isEqualTo(new MovieIndexAdmin.Bootstrap(names.versionedIndex(1), true));
        Map<String, IndexAliases> aliases = client.indices().getAlias(r -> r.index(names.versionedIndex(1))).result();
        assertThat(aliases.get(names.versionedIndex(1)).aliases()).containsOnlyKeys(names.readAlias(), names.writeAlias());
        assertThat(aliases.get(names.versionedIndex(1)).aliases().get(names.writeAlias()).isWriteIndex()).isTrue();
        assertThat(admin.readIndex()).contains(names.versionedIndex(1));
        assertThat(admin.writeIndex()).contains(names.versionedIndex(1));
    }

    @Test
    void bootstrapIsIdempotent() {
        admin.bootstrap();
        MovieIndexAdmin.Bootstrap again = admin.bootstrap();

        assertThat(again).isEqualTo(new MovieIndexAdmin.Bootstrap(names.versionedIndex(1), false));
    }

    @Test
    void newVersionsGetTheTemplateMappings() throws IOException {
        admin.installTemplates();
        client.indices().create(r -> r.index(names.versionedIndex(7)));

        var mapping = client.indices().getMapping(r -> r.index(names.versionedIndex(7))).get(names.versionedIndex(7)).mappings();
        assertThat(mapping.dynamic().jsonValue()).isEqualTo("strict");
        assertThat(mapping.properties()).containsKeys("titleFolded", "castFolded", "titleSuggest", "castSuggest", "source");
        assertThat(mapping.properties().get("titleFolded").text().indexPrefixes()).isNotNull();
        assertThat(mapping.properties().get("title").text().fields().get("keyword").keyword().normalizer()).isEqualTo("lowercase");
    }

    @Test
    void bootstrapCreatesTheAuditTrailAndRollsItOver() throws Exception {
        admin.bootstrap();
        assertThat(client.indices().getAlias(r -> r.name(names.auditAlias())).result()).containsOnlyKeys(names.auditIndex(1));

        assertThat(admin.rolloverAudit("30d", "5gb")).isFalse();
        Thread.sleep(20);
        assertThat(admin.rolloverAudit("1ms", "5gb")).isTrue();

        var aliases = client.indices().getAlias(r -> r.name(names.auditAlias())).result();
        assertThat(aliases).containsKeys(names.auditIndex(1), names.auditIndex(2));
        assertThat(aliases.get(names.auditIndex(2)).aliases().get(names.auditAlias()).isWriteIndex()).isTrue();
        assertThat(client.indices().getMapping(r -> r.index(names.auditIndex(2))).get(names.auditIndex(2)).mappings().properties())
                .containsKeys("movieId", "changedFields");
    }

    @Test
    void strictMappingRejectsUnknownFields() {
        admin.bootstrap();

        assertThatThrownBy(() -> client.index(r -> r.index(names.writeAlias()).id("x").document(Map.of("title", "X", "popularity", 5))))
                .isInstanceOf(ElasticsearchException.class)
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }

    @Test
    void storesAndFindsADocumentThroughTheAliases() throws IOException {
        admin.bootstrap();
        MovieDocument doc = MovieDocument.of(new MovieDocument.Facts("Léon: The Professional", 1994, List.of("Jean Reno"),
                List.of("Crime"), null, "L%C3%A9on:_The_Professional", null, null, null), "test", MovieSource.file("f", 0), Instant.now());
        client.index(r -> r.index(names.writeAlias()).id(doc.id()).document(doc));
        admin.refresh();

        var hits = client.search(s -> s.index(names.readAlias()).query(q -> q.match(m -> m.field("titleFolded").query("leon"))),
                MovieDocument.class).hits().hits();
        assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.source().title()).isEqualTo("Léon: The Professional"));
        var exact = client.search(s -> s.index(names.readAlias())
                .query(q -> q.term(t -> t.field("titleFolded.keyword").value("leon the professional"))), MovieDocument.class);
        assertThat(exact.hits().total().value()).isEqualTo(1);
    }

    @Test
    void flipMovesReadAndWriteAliasesAndLeavesTheMirrorOnTheOldIndex() throws IOException {
        admin.bootstrap();
        admin.createIndex(names.versionedIndex(2));
        admin.attachMirror(names.versionedIndex(2));
        assertThat(admin.mirrorIndex()).contains(names.versionedIndex(2));

        admin.flip(names.versionedIndex(1), names.versionedIndex(2));

        Map<String, IndexAliases> aliases = client.indices().getAlias(r -> r.index(names.indexPattern())).result();
        assertThat(aliases.get(names.versionedIndex(2)).aliases()).containsOnlyKeys(names.readAlias(), names.writeAlias());
        assertThat(aliases.get(names.versionedIndex(1)).aliases()).containsOnlyKeys(names.mirrorAlias());
        assertThat(admin.indices()).extracting(MovieIndexAdmin.IndexInfo::name, MovieIndexAdmin.IndexInfo::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(names.versionedIndex(1), 1),
                        org.assertj.core.groups.Tuple.tuple(names.versionedIndex(2), 2));
        assertThat(admin.highestVersion()).isEqualTo(2);
    }

    @Test
    void refusesToDeleteTheLiveIndex() {
        admin.bootstrap();
        admin.createIndex(names.versionedIndex(2));

        assertThatThrownBy(() -> admin.deleteIndex(names.versionedIndex(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is live");
        admin.deleteIndex(names.versionedIndex(2));
        assertThat(admin.indices()).hasSize(1);
    }

    @Test
    void bootstrapCreatesTheControlIndexFromItsTemplate() throws IOException {
        admin.bootstrap();

        var mapping = client.indices().getMapping(r -> r.index(names.controlIndex())).get(names.controlIndex()).mappings();
        assertThat(mapping.dynamic().jsonValue()).isEqualTo("strict");
        assertThat(mapping.properties()).containsKeys("expiresAt", "live", "previous", "candidate");
    }
}
