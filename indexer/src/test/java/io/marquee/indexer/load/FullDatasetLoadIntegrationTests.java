package io.marquee.indexer.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.indexer.IndexerTestProperties;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.indexer.ingest.MovieFile;
import io.marquee.indexer.ingest.MovieFileReader;
import io.marquee.records.RecordResult;
import io.marquee.schema.MovieDocument;
import io.marquee.schema.MovieIndexAdmin;
import io.marquee.schema.MovieJson;
import io.marquee.schema.MovieSource;
import io.marquee.testsupport.data.SharedDataset;
import io.marquee.testsupport.elasticsearch.ElasticsearchHttp;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.SharedElasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures, in one run on one node, the indexer's load of the full dataset against raw {@code _bulk} requests
 * carrying the same documents (already serialised, same batch size and concurrency): the floor the indexer is
 * measured against. Asserts correctness only; the figures go to {@code target/load-throughput.md}.
 */
@SpringBootTest
@ElasticsearchTest
class FullDatasetLoadIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        IndexerTestProperties.register(registry, FullDatasetLoadIntegrationTests.class);
    }

    private final MovieLoader loader;
    private final MovieIndexAdmin admin;

    FullDatasetLoadIntegrationTests(MovieLoader loader, MovieIndexAdmin admin) {
        this.loader = loader;
        this.admin = admin;
    }

    @Test
    void loadsTheFullDatasetNearRawBulkSpeed() throws Exception {
        List<MovieFile> files = LocalMovieFiles.at(SharedDataset.require());
        String prefix = admin.names().prefix();
        List<String> bodies = bulkBodies(files, prefix + "raw-movies-v1");
        ElasticsearchHttp http = new ElasticsearchHttp(SharedElasticsearch.endpoint());

        // A cold node indexes far slower than a warm one: warm it up first, so neither side pays for the JIT.
        rawBulk(http, bulkBodies(files, prefix + "warmup-movies-v1"));
        Duration rawTook = rawBulk(http, bodies);
        LoadReport report = loader.load(files, "wikipedia");

        assertThat(report.read()).isEqualTo(SharedDataset.RECORDS);
        // 19 records repeat an earlier record's title, year and href: 12 differ from it (updates), 7 are identical
        // (nothing to write).
        assertThat(report.created()).isEqualTo(SharedDataset.RECORDS - 19);
        assertThat(report.updated()).isEqualTo(12);
        assertThat(report.failures()).isEmpty();
        double rawRate = SharedDataset.RECORDS * 1000.0 / rawTook.toMillis();
        String figures = String.format("""
                | load (warm node) | records | took | records/s |
                |---|---|---|---|
                | indexer: read, validate, fold, bulk | %d | %.1f s | %.0f |
                | raw _bulk: same documents pre-serialised, same batches and concurrency | %d | %.1f s | %.0f |

                indexer / raw: %.2f
                """, report.read(), report.took().toMillis() / 1000.0, report.recordsPerSecond(), SharedDataset.RECORDS,
                rawTook.toMillis() / 1000.0, rawRate, report.recordsPerSecond() / rawRate);
        System.out.println(figures);
        Files.writeString(Path.of("target/load-throughput.md"), figures);
    }

    private static Duration rawBulk(ElasticsearchHttp http, List<String> bodies) throws Exception {
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ElasticsearchHttp.Response>> responses = new ArrayList<>();
            for (String body : bodies) {
                responses.add(pool.submit(() -> http.send("POST", "/_bulk", body, "application/x-ndjson")));
            }
            for (Future<ElasticsearchHttp.Response> response : responses) {
                assertThat(response.get().body()).contains("\"errors\":false");
            }
            return Duration.between(started, Instant.now());
        }
        finally {
            pool.shutdown();
        }
    }

    private static List<String> bulkBodies(List<MovieFile> files, String index) throws IOException {
        ObjectMapper json = MovieJson.objectMapper();
        MovieFileReader reader = new MovieFileReader(json);
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int[] inBody = {0};
        Instant now = Instant.now();
        for (MovieFile file : files) {
            reader.read(file, result -> {
                if (result instanceof RecordResult.Valid valid) {
                    MovieDocument doc = MovieDocument.of(valid.facts(), "raw", MovieSource.file(file.uri(), valid.position()), now);
                    try {
                        body.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(doc.id())
                                .append("\"}}\n").append(json.writeValueAsString(doc)).append('\n');
                    }
                    catch (IOException ex) {
                        throw new IllegalStateException(ex);
                    }
                    if (++inBody[0] == 1000) {
                        bodies.add(body.toString());
                        body.setLength(0);
                        inBody[0] = 0;
                    }
                }
            });
        }
        if (inBody[0] > 0) {
            bodies.add(body.toString());
        }
        return bodies;
    }
}
