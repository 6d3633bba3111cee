package io.marquee.indexer.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.marquee.movie.AuditEntry;
import io.marquee.movie.MovieDocument;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.movie.MovieJson;
import io.marquee.movie.MovieSource;
import io.marquee.testsupport.data.SharedDataset;
import io.marquee.localservers.elasticsearch.ElasticsearchHttp;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.SharedElasticsearch;
import io.marquee.testsupport.elasticsearch.TestIndices;

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

        // Both sides are warmed first, so that neither pays for the JIT: the node by a raw load, the indexer by a whole
        // load that is then thrown away (a consumer runs for days; cold, this JVM spent more CPU compiling the loader
        // than running it, on the same two cores Elasticsearch needed). Then each of the three loads runs twice, in
        // turn, into a fresh catalogue, and counts its better run. The raw loads go to indices named like the real ones,
        // with the templates installed, so they get the same settings and mappings (completion fields, index prefixes,
        // normalisers, a 1 s refresh): a floor for the same work, not for less.
        loader.load(files, "wikipedia");
        admin.installTemplates();
        rawBulk(http, prefix + "movies-v901", null, files);
        Run raw = null;
        Run rawAudited = null;
        Run indexer = null;
        for (int run = 1; run <= 2; run++) {
            Run movies = rawBulk(http, prefix + "movies-v91" + run, null, files);
            Run audited = rawBulk(http, prefix + "movies-v92" + run, String.format("%smovies-audit-%06d", prefix, 920_000 + run), files);
            Run loaded = indexerLoad(http, prefix, files);
            raw = better(raw, movies);
            rawAudited = better(rawAudited, audited);
            indexer = better(indexer, loaded);
        }
        LoadReport report = indexer.report();

        // Elasticsearch's CPU per run is the work each load asks of it; the indexer's own CPU is what it takes from the
        // same two cores here (in production it runs on its own nodes).
        String figures = String.format("""
                | load (warm node) | records | took | records/s | Elasticsearch CPU | loader CPU |
                |---|---|---|---|---|---|
                | indexer: read, validate, fold, detect changes, audit, bulk (better of 2) | %d | %s |
                | raw _bulk: the same movie documents pre-serialised, same batches and concurrency (better of 2) | %d | %s |
                | raw _bulk: the same movie documents and an audit entry each, what the indexer writes (better of 2) | %d | %s |

                indexer / raw movies: %.2f; indexer / raw movies and audit entries: %.2f (throughput).
                Elasticsearch CPU, indexer / raw movies and audit entries: %.2f.
                """, report.read(), indexer.row(), SharedDataset.RECORDS, raw.row(), SharedDataset.RECORDS, rawAudited.row(),
                raw.took().toMillis() / (double) indexer.took().toMillis(), rawAudited.took().toMillis() / (double) indexer.took().toMillis(),
                indexer.elasticsearchCpuMillis() / (double) rawAudited.elasticsearchCpuMillis());
        System.out.println(figures);
        Files.writeString(Path.of("target/load-throughput.md"), figures);
    }

    /**
     * The indexer's load into a fresh catalogue under this class's prefix (the previous one deleted), checked for
     * what it wrote.
     */
    private Run indexerLoad(ElasticsearchHttp http, String prefix, List<MovieFile> files) throws IOException {
        new TestIndices(SharedElasticsearch.endpoint(), prefix).deleteAll();
        admin.installTemplates();
        long elasticsearchCpu = elasticsearchCpuMillis(http);
        long ownCpu = ownCpuNanos();
        LoadReport report = loader.load(files, "wikipedia");
        Run run = new Run(report.took(), elasticsearchCpuMillis(http) - elasticsearchCpu, (ownCpuNanos() - ownCpu) / 1_000_000, report);

        assertThat(report.read()).isEqualTo(SharedDataset.RECORDS);
        // 19 records repeat an earlier record's title, year and href: 12 differ from it (updates), 7 are identical
        // (nothing to write).
        assertThat(report.created()).isEqualTo(SharedDataset.RECORDS - 19);
        assertThat(report.updated()).isEqualTo(12);
        assertThat(report.failures()).isEmpty();
        return run;
    }

    private static Run better(Run best, Run run) {
        return best == null || run.took().compareTo(best.took()) < 0 ? run : best;
    }

    /** One load: how long it took, the CPU Elasticsearch and this JVM spent on it, and the indexer's report. */
    private record Run(Duration took, long elasticsearchCpuMillis, long loaderCpuMillis, LoadReport report) {

        String row() {
            return String.format("%.1f s | %.0f | %.1f s | %.1f s", took.toMillis() / 1000.0, SharedDataset.RECORDS * 1000.0 / took.toMillis(),
                    elasticsearchCpuMillis / 1000.0, loaderCpuMillis / 1000.0);
        }
    }

    /** CPU time of every node of the cluster, as it reports it: the work a load asked of it. */
    private static long elasticsearchCpuMillis(ElasticsearchHttp http) throws IOException {
        JsonNode nodes = new ObjectMapper().readTree(http.get("/_nodes/stats/process?filter_path=nodes.*.process.cpu.total_in_millis").body())
                .path("nodes");
        long total = 0;
        for (JsonNode node : nodes) {
            total += node.path("process").path("cpu").path("total_in_millis").asLong();
        }
        return total;
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Loads the dataset by raw {@code _bulk} into fresh indices, deleted afterwards so the indexer's index is the only one left. */
    private static Run rawBulk(ElasticsearchHttp http, String index, String auditIndex, List<MovieFile> files) throws Exception {
        List<String> bodies = bulkBodies(files, index, auditIndex);
        try {
            long elasticsearchCpu = elasticsearchCpuMillis(http);
            long ownCpu = ownCpuNanos();
            Duration took = rawBulk(http, bodies);
            return new Run(took, elasticsearchCpuMillis(http) - elasticsearchCpu, (ownCpuNanos() - ownCpu) / 1_000_000, null);
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
        MovieFileReader reader = MovieFileReader.of(json, io.marquee.indexer.ingest.IngestLimits.defaults());
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
