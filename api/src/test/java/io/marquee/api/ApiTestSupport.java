package io.marquee.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.unit.DataSize;

import io.marquee.indexer.audit.ChangeTracker;
import io.marquee.indexer.audit.Ownership;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.PitScan;
import io.marquee.indexer.ingest.IngestLimits;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.indexer.ingest.MovieFile;
import io.marquee.indexer.ingest.MovieFileReader;
import io.marquee.indexer.load.LoadReport;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.prominence.CatalogueRanking;
import io.marquee.schema.IndexNames;
import io.marquee.schema.SchemaInstaller;
import io.marquee.schema.SchemaTemplates;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.movie.MovieJson;
import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import io.marquee.testsupport.elasticsearch.SharedElasticsearch;
import io.marquee.testsupport.elasticsearch.TestClients;
import io.marquee.testsupport.elasticsearch.TestIndices;

/**
 * Wires API tests to the shared Elasticsearch under their own prefix, and loads data with the real indexer.
 */
public final class ApiTestSupport {

    public static final Path SAMPLE = Path.of("../sample/movies-sample.json");
    /** Keys whose hashes {@code config/application.yml} in the test resources configures. */
    public static final String ADMIN_KEY = "test-admin-key";
    public static final String WRITER_KEY = "test-writer-key";
    public static final String SEARCH_KEY = "test-search-key";

    private ApiTestSupport() {
    }

    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        registry.add("spring.elasticsearch.uris", () -> SharedElasticsearch.endpoint().urisAsString());
        registry.add("spring.elasticsearch.username", () -> nullToEmpty(SharedElasticsearch.endpoint().username()));
        registry.add("spring.elasticsearch.password", () -> nullToEmpty(SharedElasticsearch.endpoint().password()));
        registry.add("marquee.api.catalog.index-prefix", () -> TestIndices.prefixFor(testClass));
    }

    /** Loads files into the test class's indices, as {@code indexer load} would. */
    public static LoadReport load(Class<?> testClass, List<MovieFile> files) {
        return load(SharedElasticsearch.endpoint(), testClass, files);
    }

    /** Loads files into the test class's indices on a cluster of the test's own. */
    public static LoadReport load(ElasticsearchEndpoint endpoint, Class<?> testClass, List<MovieFile> files) {
        ElasticsearchClient client = TestClients.blocking(endpoint, MovieJson.jsonpMapper());
        try {
            IndexNames names = new IndexNames(TestIndices.prefixFor(testClass));
            MovieIndexAdmin admin = new MovieIndexAdmin(client, new SchemaInstaller(client, new SchemaTemplates(names)));
            BulkProperties bulk = new BulkProperties(1000, DataSize.ofMegabytes(5), 2, Duration.ofSeconds(1), 6, Duration.ofMillis(200));
            ChangeTracker changes = new ChangeTracker(client, admin.names(), "api-tests", Clock.systemUTC(), new Ownership(Set.of()));
            LoadReport report = new MovieLoader(client, admin, MovieFileReader.of(MovieJson.objectMapper(), IngestLimits.defaults()), bulk,
                    Clock.systemUTC(), changes).load(files, "test");
            // As 'indexer load' does: the catalogue is ranked once it is loaded.
            new CatalogueRanking(client, bulk, new PitScan(client, 1000, Duration.ofMinutes(2)), Clock.systemUTC())
                    .rank(admin.names().writeAlias(), () -> {
                    });
            return report;
        }
        finally {
            try {
                client._transport().close();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    public static LoadReport loadSample(Class<?> testClass) {
        return load(testClass, LocalMovieFiles.at(SAMPLE));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
