package io.marquee.indexer.indices;

import java.io.IOException;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import io.marquee.movie.MovieJson;
import io.marquee.schema.IndexNames;
import io.marquee.schema.SchemaInstaller;
import io.marquee.schema.SchemaTemplates;
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

/** What operators do to the versioned indices: a second version, the flip with its mirror, deletes, audit rollover. */
@ElasticsearchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovieIndexAdminIntegrationTests {

    private ElasticsearchClient client;
    private MovieIndexAdmin admin;
    private IndexNames names;
    private TestIndices indices;

    @BeforeAll
    void connect(TestIndices indices) {
        this.indices = indices;
        client = TestClients.blocking(indices.endpoint(), MovieJson.jsonpMapper());
        names = new IndexNames(indices.prefix());
        admin = new MovieIndexAdmin(client, new SchemaInstaller(client, new SchemaTemplates(names)));
    }

    @AfterAll
    void disconnect() throws IOException {
        client._transport().close();
    }

    @BeforeEach
    void emptyCluster() {
        indices.deleteAll();
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
}
