package io.marquee.schema;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieJson;
import io.marquee.movie.MovieSource;
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

/** The schema as a cluster gets it: templates, the first indices behind their aliases, and documents they accept or refuse. */
@ElasticsearchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaInstallerIntegrationTests {

    private ElasticsearchClient client;
    private SchemaInstaller schema;
    private IndexNames names;
    private TestIndices indices;

    @BeforeAll
    void connect(TestIndices indices) {
        this.indices = indices;
        client = TestClients.blocking(indices.endpoint(), MovieJson.jsonpMapper());
        names = new IndexNames(indices.prefix());
        schema = new SchemaInstaller(client, new SchemaTemplates(names));
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
    void bootstrapCreatesFirstVersionBehindBothAliases() throws IOException {
        SchemaInstaller.Bootstrap bootstrap = schema.bootstrap();

        assertThat(bootstrap).isEqualTo(new SchemaInstaller.Bootstrap(names.versionedIndex(1), true));
        Map<String, IndexAliases> aliases = client.indices().getAlias(r -> r.index(names.versionedIndex(1))).result();
        assertThat(aliases.get(names.versionedIndex(1)).aliases()).containsOnlyKeys(names.readAlias(), names.writeAlias());
        assertThat(aliases.get(names.versionedIndex(1)).aliases().get(names.writeAlias()).isWriteIndex()).isTrue();
        assertThat(schema.aliasTarget(names.readAlias())).contains(names.versionedIndex(1));
        assertThat(schema.aliasTarget(names.writeAlias())).contains(names.versionedIndex(1));
    }

    @Test
    void bootstrapIsIdempotent() {
        schema.bootstrap();
        SchemaInstaller.Bootstrap again = schema.bootstrap();

        assertThat(again).isEqualTo(new SchemaInstaller.Bootstrap(names.versionedIndex(1), false));
    }

    @Test
    void newVersionsGetTheTemplateMappings() throws IOException {
        schema.installTemplates();
        client.indices().create(r -> r.index(names.versionedIndex(7)));

        var mapping = client.indices().getMapping(r -> r.index(names.versionedIndex(7))).get(names.versionedIndex(7)).mappings();
        assertThat(mapping.dynamic().jsonValue()).isEqualTo("strict");
        assertThat(mapping.properties()).containsKeys("titleFolded", "castFolded", "titleSuggest", "castSuggest", "source");
        assertThat(mapping.properties().get("titleFolded").text().indexPrefixes()).isNotNull();
        assertThat(mapping.properties().get("title").text().fields().get("keyword").keyword().normalizer()).isEqualTo("lowercase");
    }

    @Test
    void bootstrapCreatesTheControlIndexFromItsTemplate() throws IOException {
        schema.bootstrap();

        var mapping = client.indices().getMapping(r -> r.index(names.controlIndex())).get(names.controlIndex()).mappings();
        assertThat(mapping.dynamic().jsonValue()).isEqualTo("strict");
        assertThat(mapping.properties()).containsKeys("expiresAt", "live", "previous", "candidate");
    }

    @Test
    void strictMappingRejectsUnknownFields() {
        schema.bootstrap();

        assertThatThrownBy(() -> client.index(r -> r.index(names.writeAlias()).id("x").document(Map.of("title", "X", "popularity", 5))))
                .isInstanceOf(ElasticsearchException.class)
                .hasMessageContaining("strict_dynamic_mapping_exception");
    }

    @Test
    void storesAndFindsADocumentThroughTheAliases() throws IOException {
        schema.bootstrap();
        MovieDocument doc = MovieDocument.of(new MovieDocument.Facts("Léon: The Professional", 1994, List.of("Jean Reno"),
                List.of("Crime"), null, "L%C3%A9on:_The_Professional", null, null, null), "test", MovieSource.file("f", 0), Instant.now());
        client.index(r -> r.index(names.writeAlias()).id(doc.id()).document(doc));
        client.indices().refresh(r -> r.index(names.writeAlias()));

        var hits = client.search(s -> s.index(names.readAlias()).query(q -> q.match(m -> m.field("titleFolded").query("leon"))),
                MovieDocument.class).hits().hits();
        assertThat(hits).singleElement().satisfies(hit -> assertThat(hit.source().title()).isEqualTo("Léon: The Professional"));
        var exact = client.search(s -> s.index(names.readAlias())
                .query(q -> q.term(t -> t.field("titleFolded.keyword").value("leon the professional"))), MovieDocument.class);
        assertThat(exact.hits().total().value()).isEqualTo(1);
    }
}
