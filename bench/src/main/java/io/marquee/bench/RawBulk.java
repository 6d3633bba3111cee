package io.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The floor for ingest: what the indexer wrote (every movie document, and an audit entry for each), read back from
 * Elasticsearch and sent again by plain {@code _bulk} into fresh indices with the same settings and mappings, in bodies
 * of 1,000 movies and 1,000 audit entries, two at a time (the indexer's batch size and concurrency). The bodies are
 * built and written to disk first, so that the timed part is only sending them.
 */
final class RawBulk {

    private static final int BATCH = 1_000;
    private static final int CONCURRENCY = 2;
    private static final String RAW = "bench-raw-";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI elasticsearch;

    private RawBulk(URI elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** Prints {@code raw.docs}, {@code raw.seconds} and {@code raw.docsPerSecond} (movies a second) as key=value lines. */
    static void measure(URI elasticsearch, Path work) throws IOException, InterruptedException {
        new RawBulk(elasticsearch).run(work);
    }

    private void run(Path work) throws IOException, InterruptedException {
        String movies = concrete("movies");
        String audit = concrete("movies-audit");
        copyIndex(movies);
        copyIndex(audit);
        Files.createDirectories(work);
        List<Path> movieBatches = export(movies, work.resolve("movies"));
        List<Path> auditBatches = export(audit, work.resolve("audit"));
        List<Path> bodies = new ArrayList<>();
        for (int i = 0; i < Math.max(movieBatches.size(), auditBatches.size()); i++) {
            Path body = work.resolve(String.format("body-%06d.ndjson", i));
            Files.write(body, new byte[0]);
            if (i < movieBatches.size()) {
                Files.write(body, Files.readAllBytes(movieBatches.get(i)), java.nio.file.StandardOpenOption.APPEND);
                Files.delete(movieBatches.get(i));
            }
            if (i < auditBatches.size()) {
                Files.write(body, Files.readAllBytes(auditBatches.get(i)), java.nio.file.StandardOpenOption.APPEND);
                Files.delete(auditBatches.get(i));
            }
            bodies.add(body);
        }
        long count = count(movies);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<String>> sent = new ArrayList<>();
            for (Path body : bodies) {
                sent.add(pool.submit(() -> send("POST", "/_bulk", Files.readAllBytes(body), "application/x-ndjson")));
            }
            for (Future<String> response : sent) {
                if (!response.get().contains("\"errors\":false")) {
                    throw new IllegalStateException("A raw bulk request had errors");
                }
            }
        }
        catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
        finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        send("DELETE", "/" + RAW + movies + "," + RAW + audit, null, null);
        for (Path body : bodies) {
            Files.delete(body);
        }
        System.out.printf(java.util.Locale.ROOT, "raw.docs=%d%nraw.seconds=%.1f%nraw.docsPerSecond=%.0f%n", count, seconds, count / seconds);
    }

    private String concrete(String alias) throws IOException, InterruptedException {
        JsonNode aliases = json.readTree(send("GET", "/_alias/" + alias, null, null));
        return aliases.fieldNames().next();
    }

    private long count(String index) throws IOException, InterruptedException {
        return json.readTree(send("GET", "/" + index + "/_count", null, null)).path("count").asLong();
    }

    /** Creates {@code bench-raw-<index>} with the index's analysis, shards, replicas and mappings. */
    private void copyIndex(String index) throws IOException, InterruptedException {
        JsonNode source = json.readTree(send("GET", "/" + index, null, null)).path(index);
        JsonNode settings = source.path("settings").path("index");
        ObjectNode created = json.createObjectNode();
        ObjectNode target = created.putObject("settings").putObject("index");
        for (String setting : List.of("analysis", "number_of_shards", "number_of_replicas", "refresh_interval", "gc_deletes")) {
            if (settings.has(setting)) {
                target.set(setting, settings.get(setting));
            }
        }
        created.set("mappings", source.path("mappings"));
        send("DELETE", "/" + RAW + index + "?ignore_unavailable=true", null, null);
        send("PUT", "/" + RAW + index, json.writeValueAsBytes(created), "application/json");
    }

    /** Writes the index's documents as bulk index actions for its copy, {@value #BATCH} to a file, in index order. */
    private List<Path> export(String index, Path prefix) throws IOException, InterruptedException {
        String pit = json.readTree(send("POST", "/" + index + "/_pit?keep_alive=5m", null, null)).path("id").asText();
        List<Path> files = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode search = json.createObjectNode().put("size", BATCH);
            search.putObject("pit").put("id", pit).put("keep_alive", "5m");
            search.putArray("sort").addObject().put("_shard_doc", "asc");
            if (after != null) {
                search.set("search_after", after);
            }
            JsonNode hits = json.readTree(send("POST", "/_search", json.writeValueAsBytes(search), "application/json")).path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            StringBuilder body = new StringBuilder();
            for (JsonNode hit : hits) {
                body.append("{\"index\":{\"_index\":\"").append(RAW).append(index).append("\",\"_id\":")
                        .append(json.writeValueAsString(hit.path("_id").asText())).append("}}\n").append(json.writeValueAsString(hit.path("_source")))
                        .append('\n');
                after = hit.path("sort");
            }
            Path file = Path.of(prefix + String.format("-%06d.ndjson", files.size()));
            Files.writeString(file, body);
            files.add(file);
        }
        send("DELETE", "/_pit", json.writeValueAsBytes(json.createObjectNode().put("id", pit)), "application/json");
        return files;
    }

    private String send(String method, String path, byte[] body, String type) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(elasticsearch.resolve(path));
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
