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
import io.marquee.schema.AuditEntry;
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
 * (already serialised, same batch size and concurrency) carrying the same movie documents, and carrying the same
 * documents the indexer writes (each new movie and its audit entry): the floors the indexer is measured against.
 * Asserts correctness only; the figures go to {@code target/load-throughput.md}.
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
        ElasticsearchHttp http = new ElasticsearchHttp(SharedElasticsearch.endpoint());

        // A cold node indexes far slower than a warm one: warm it up first, so neither side pays for the JIT. Each raw
        // load then runs twice, alternately, into fresh indices, and counts its better run: the node keeps warming.
        // The raw loads go to indices named like the real ones, with the templates installed first, so they get the same
        // settings and mappings (completion fields, index prefixes, normalisers, a 1 s refresh): a floor for the same
        // work, not for less. Without the templates a raw index refreshes only when searched, and maps every string twice.
        admin.installTemplates();
        rawBulk(http, prefix + "movies-v901", null, files);
        Duration rawTook = Duration.ofDays(1);
        Duration rawAuditedTook = Duration.ofDays(1);
        for (int run = 1; run <= 2; run++) {
            Duration raw = rawBulk(http, prefix + "movies-v91" + run, null, files);
            Duration audited = rawBulk(http, prefix + "movies-v92" + run, String.format("%smovies-audit-%06d", prefix, 920_000 + run), files);
            rawTook = raw.compareTo(rawTook) < 0 ? raw : rawTook;
            rawAuditedTook = audited.compareTo(rawAuditedTook) < 0 ? audited : rawAuditedTook;
        }
        LoadReport report = loader.load(files, "wikipedia");

        assertThat(report.read()).isEqualTo(SharedDataset.RECORDS);
        // 19 records repeat an earlier record's title, year and href: 12 differ from it (updates), 7 are identical
        // (nothing to write).
        assertThat(report.created()).isEqualTo(SharedDataset.RECORDS - 19);
        assertThat(report.updated()).isEqualTo(12);
        assertThat(report.failures()).isEmpty();
        double rawRate = SharedDataset.RECORDS * 1000.0 / rawTook.toMillis();
        double rawAuditedRate = SharedDataset.RECORDS * 1000.0 / rawAuditedTook.toMillis();
        String figures = String.format("""
                | load (warm node) | records | took | records/s |
                |---|---|---|---|
                | indexer: read, validate, fold, detect changes, audit, bulk | %d | %.1f s | %.0f |
                | raw _bulk: the same movie documents pre-serialised, same batches and concurrency (better of 2) | %d | %.1f s | %.0f |
                | raw _bulk: the same movie documents and an audit entry each, what the indexer writes (better of 2) | %d | %.1f s | %.0f |

                indexer / raw movies: %.2f; indexer / raw movies and audit entries: %.2f
                """, report.read(), report.took().toMillis() / 1000.0, report.recordsPerSecond(), SharedDataset.RECORDS,
                rawTook.toMillis() / 1000.0, rawRate, SharedDataset.RECORDS, rawAuditedTook.toMillis() / 1000.0, rawAuditedRate,
                report.recordsPerSecond() / rawRate, report.recordsPerSecond() / rawAuditedRate);
        System.out.println(figures);
        Files.writeString(Path.of("target/load-throughput.md"), figures);
    }

    /** Loads the dataset by raw {@code _bulk} into fresh indices, deleted afterwards so the indexer's index is the only one left. */
    private static Duration rawBulk(ElasticsearchHttp http, String index, String auditIndex, List<MovieFile> files) throws Exception {
        List<String> bodies = bulkBodies(files, index, auditIndex);
        try {
            return rawBulk(http, bodies);
        }
        finally {
            http.delete("/" + index + (auditIndex == null ? "" : "," + auditIndex));
        }
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

    /** Bulk bodies of 1,000 movies each, with an audit entry for each in {@code auditIndex} unless it is null. */
    private static List<String> bulkBodies(List<MovieFile> files, String index, String auditIndex) throws IOException {
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
                        if (auditIndex != null) {
                            AuditEntry entry = new AuditEntry(doc.id(), AuditEntry.Action.CREATE.value(), List.of(), "raw", null, null, null,
                                    null, null, file.uri(), valid.position(), 1L, now, "raw");
                            body.append("{\"index\":{\"_index\":\"").append(auditIndex).append("\",\"_id\":\"").append(entry.id())
                                    .append("\"}}\n").append(json.writeValueAsString(entry)).append('\n');
                        }
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
