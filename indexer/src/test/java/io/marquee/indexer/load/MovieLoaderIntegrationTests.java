package io.marquee.indexer.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.records.RejectionCode;
import io.marquee.indexer.IndexerTestProperties;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieIds;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ElasticsearchTest
class MovieLoaderIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        IndexerTestProperties.register(registry, MovieLoaderIntegrationTests.class);
    }

    @TempDir
    Path dir;

    private final MovieLoader loader;
    private final MovieIndexAdmin admin;
    private final ElasticsearchClient client;

    MovieLoaderIntegrationTests(MovieLoader loader, MovieIndexAdmin admin, ElasticsearchClient client) {
        this.loader = loader;
        this.admin = admin;
        this.client = client;
    }

    @BeforeEach
    void emptyIndex() {
        TestIndices.onSharedCluster(admin.names().prefix()).deleteAll();
    }

    @Test
    void loadsEveryFormatIntoTheWriteAlias() throws IOException {
        copyFixture("fixtures/movies.json", "movies.json");
        copyFixture("fixtures/movies.ndjson", "movies.ndjson");
        copyFixture("fixtures/single.json", "single.json");
        gzipFixture("fixtures/movies.ndjson", "more/again.ndjson.gz");

        LoadReport report = loader.load(LocalMovieFiles.at(dir), "local");

        assertThat(report.files()).isEqualTo(4);
        assertThat(report.read()).isEqualTo(4 + 3 + 1 + 3);
        assertThat(report.rejected()).isZero();
        assertThat(report.failures()).isEmpty();
        assertThat(report.droppedEntries()).isEqualTo(1);
        // The gzipped copy repeats the NDJSON file's three movies: same ids and same facts, so nothing to write.
        assertThat(report.created()).isEqualTo(8);
        assertThat(report.updated()).isZero();
        assertThat(count()).isEqualTo(8);

        MovieDocument heat = get(MovieIds.of("Heat", 1995, "Heat_(1995_film)"));
        assertThat(heat.thumbnailWidth()).isEqualTo(220);
        assertThat(heat.provider()).isEqualTo("local");
        assertThat(heat.source().uri()).endsWith("single.json");
        assertThat(heat.source().position()).isEqualTo(1);
        MovieDocument topGun = get(MovieIds.of("Top Gun", 1986, "Top_Gun"));
        assertThat(topGun.genres()).containsExactly("Action", "Sports");
        MovieDocument winter = get(MovieIds.of("Winter Day Dreams", 2010, null));
        assertThat(winter.cast()).containsExactly("Franny");
    }

    @Test
    void loadingTheSameFileTwiceChangesNothing() throws IOException {
        copyFixture("fixtures/movies.json", "movies.json");

        LoadReport first = loader.load(LocalMovieFiles.at(dir), "local");
        LoadReport second = loader.load(LocalMovieFiles.at(dir), "local");

        assertThat(first.created()).isEqualTo(4);
        assertThat(second.read()).isEqualTo(4);
        assertThat(second.indexed()).isZero();
        assertThat(count()).isEqualTo(4);
    }

    @Test
    void aCorrectedRecordReplacesTheOldOne() throws IOException {
        Path file = Files.writeString(dir.resolve("heat.json"), "{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Al Pacino\"], \"href\": \"Heat\"}");
        loader.load(LocalMovieFiles.at(file), "local");
        Files.writeString(file, "{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Al Pacino\", \"Robert De Niro\"], \"href\": \"Heat\"}");

        loader.load(LocalMovieFiles.at(file), "local");

        assertThat(count()).isEqualTo(1);
        assertThat(get(MovieIds.of("Heat", 1995, "Heat")).cast()).containsExactly("Al Pacino", "Robert De Niro");
    }

    @Test
    void indexesTheValidRecordsOfAFileWithBadOnes() throws IOException {
        copyFixture("fixtures-bad/records-with-errors.json", "bad.json");

        LoadReport report = loader.load(LocalMovieFiles.at(dir), "local");

        assertThat(report.read()).isEqualTo(5);
        assertThat(report.indexed()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.rejections()).extracting(LoadReport.Rejection::position, LoadReport.Rejection::reason).containsExactly(
                Tuple.tuple(2L, "title is blank"),
                Tuple.tuple(3L, "year 1850 is outside 1870–2100"),
                Tuple.tuple(4L, "cast must be an array of strings, not the string \"Somebody\""));
        assertThat(report.rejectionsByReason()).containsEntry("out-of-range year", 1L);
        assertThat(report.rejections().get(1)).extracting(LoadReport.Rejection::line, LoadReport.Rejection::code)
                .containsExactly(4L, RejectionCode.OUT_OF_RANGE);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void reportsAnUnreadableFileAndLoadsTheOthers() throws IOException {
        copyFixture("fixtures/single.json", "single.json");
        Path corrupt = dir.resolve("corrupt.json.gz");
        Files.write(corrupt, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});

        LoadReport report = loader.load(List.of(LocalMovieFiles.at(corrupt).get(0), LocalMovieFiles.at(dir.resolve("single.json")).get(0)),
                "local");

        assertThat(report.unreadable()).singleElement().satisfies(u -> assertThat(u.uri()).endsWith("corrupt.json.gz"));
        assertThat(report.indexed()).isEqualTo(1);
    }

    @Test
    void writesNoMovieWhoseAuditEntryCouldNotBeWritten() throws IOException {
        copyFixture("fixtures/movies.json", "movies.json");
        copyFixture("fixtures/single.json", "single.json");
        admin.bootstrap();
        client.indices().deleteAlias(d -> d.index(admin.names().auditIndex(1)).name(admin.names().auditAlias()));

        LoadReport report = loader.load(LocalMovieFiles.at(dir), "local", rejection -> {
        });

        // Both files' records were in the batch whose audit failed: both are reported as not written (worth retrying
        // whole), and neither as unreadable, for both were read.
        assertThat(report.unwritten()).hasSize(2).allSatisfy(file -> assertThat(file.reason()).contains("Audit entries not written"));
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.indexed()).isZero();
        assertThat(count()).isZero();
    }

    private long count() throws IOException {
        return client.count(c -> c.index(admin.names().readAlias())).count();
    }

    private MovieDocument get(String id) throws IOException {
        return client.get(g -> g.index(admin.names().readAlias()).id(id), MovieDocument.class).source();
    }

    private void copyFixture(String resource, String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
    }

    private void gzipFixture(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            in.transferTo(out);
        }
    }
}
