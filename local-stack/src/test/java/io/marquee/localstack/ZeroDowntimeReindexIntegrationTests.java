package io.marquee.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.marquee.testsupport.data.GeneratedMovies;
import io.marquee.testsupport.data.SharedDataset;
import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import io.marquee.localservers.elasticsearch.ElasticsearchHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-downtime requirement, measured: the full catalogue (or a generated one of the same size) behind the API,
 * an open-loop read load of 200 requests/s over the seed query types for the whole run, and meanwhile
 * {@code reindex --from s3 --flip}, {@code reindex --from index --flip} and {@code rollback}, each its own indexer
 * process as a Kubernetes Job would run it, while updates and deletes flow through S3 and SQS. No request may fail,
 * no update or delete may be lost, and no cached answer may outlive a flip by more than the generation refresh.
 */
class ZeroDowntimeReindexIntegrationTests {

    private static final int RATE = 200;
    private static final Duration GENERATION_REFRESH = Duration.ofMillis(500);
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);
    /**
     * The generation refresh, plus Elasticsearch answering the alias lookup on a machine whose two cores also run the
     * reindex, the indexer and this load: seconds at worst, against a TTL of ten minutes.
     */
    private static final Duration FLIP_BOUND = Duration.ofSeconds(15);
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} '’:,.!?-]{2,80}");

    @TempDir
    Path state;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<long[]> operations = new CopyOnWriteArrayList<>();

    @Test
    void rebuildsFlipsAndRollsBackUnderLoadWithoutAFailedRequestOrALostUpdate() throws Exception {
        Optional<Path> dataset = SharedDataset.directory();
        Path data = dataset.orElseGet(() -> GeneratedMovies.write(state.resolve("generated-movies.json"), SharedDataset.RECORDS, 42));
        long catalogue = dataset.isPresent() ? 36_254 : SharedDataset.RECORDS;
        StackOptions options = new StackOptions(Path.of("../api/target/api-exec.jar"), Path.of("../indexer/target/indexer-exec.jar"),
                // A TTL longer than the run: any cached answer that stops being served after a flip was retired by the generation.
                List.of(data), freePort(), state, List.of("--marquee.api.cache.ttl=" + CACHE_TTL.toMinutes() + "m",
                        "--marquee.api.catalog.generation-refresh=" + GENERATION_REFRESH.toMillis() + "ms"));
        try (LocalStack stack = LocalStack.start(options)) {
            URI api = stack.apiUri();
            ElasticsearchHttp elasticsearch = new ElasticsearchHttp(new ElasticsearchEndpoint(List.of(URI.create(stack.state().elasticsearch())),
                    null, null));
            assertThat(count(elasticsearch)).isEqualTo(catalogue);

            List<JsonNode> targets = movies(api, "yearFrom=2010&yearTo=2012", 3);
            Set<String> touched = new HashSet<>();
            targets.forEach(m -> touched.add(m.path("title").asText()));
            targets.forEach(m -> m.path("cast").forEach(c -> touched.add(c.asText())));
            List<URI> mix = loadMix(api, movies(api, "yearFrom=1950&yearTo=1960", 2), touched);
            JsonNode repaired = movies(api, "year=1985", 1).stream().filter(m -> PLAIN.matcher(m.path("title").asText()).matches())
                    .findFirst().orElseThrow();

            // A closed-loop pass first, as any load test warms up: the measurement is of the reindex, not of a cold JVM.
            for (int pass = 0; pass < 3; pass++) {
                for (URI uri : mix) {
                    assertThat(get(uri).statusCode()).as("warm-up " + uri).isEqualTo(200);
                }
            }
            long started = System.nanoTime();
            ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger tick = new AtomicInteger();
            load.scheduleAtFixedRate(() -> fire(mix.get(tick.getAndIncrement() % mix.size())), 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
            Thread.sleep(5_000);

            // An incident: a movie lost from the live index (not through the pipeline, so nothing audited it). S3 still has it.
            String repairedId = repaired.path("id").asText();
            assertThat(elasticsearch.delete("/movies/_doc/" + repairedId + "?refresh=true").ok()).isTrue();
            URI probe = api.resolve("/v1/movies?fuzzy=false&year=1985&size=100&title=" + encode(repaired.path("title").asText()));
            assertThat(get(probe).body()).doesNotContain(repairedId);
            assertThat(get(probe).headers().firstValue("X-Cache")).contains("hit");

            Updates updates = new Updates(stack.state(), targets);
            Thread updater = new Thread(updates, "updates");
            updater.start();
            AliasWatch aliases = new AliasWatch(elasticsearch);
            aliases.start();

            List<String> s3Run = indexer(stack, "reindex", "--from", "s3", "--flip");
            long flippedAt = aliases.changedAfter(operations.get(0)[0]);
            long repairedAt = awaitRepaired(probe, repairedId);
            List<String> indexRun = indexer(stack, "reindex", "--from", "index", "--flip");
            List<String> rollbackRun = indexer(stack, "rollback");

            updates.stop();
            updater.join();
            aliases.stopWatching();
            Thread.sleep(3_000);
            load.shutdown();
            assertThat(load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            awaitAllAnswered(tick.get());
            long ended = System.nanoTime();

            assertThat(s3Run).anyMatch(l -> l.startsWith("flipped"));
            assertThat(indexRun).anyMatch(l -> l.startsWith("flipped"));
            assertThat(rollbackRun).anyMatch(l -> l.startsWith("rolled back"));
            assertThat(aliasTarget(elasticsearch, "movies")).isEqualTo("movies-v2");

            // Every update and delete sent during the run is in the index the API reads.
            awaitQueueDrained(stack);
            elasticsearch.post("/movies/_refresh", "");
            for (String id : updates.updated) {
                assertThat(elasticsearch.get("/movies/_doc/" + id).body()).as("update of " + id).contains(Updates.MARKER);
            }
            for (String id : updates.deleted) {
                assertThat(elasticsearch.get("/movies/_doc/" + id).status()).as("delete of " + id).isEqualTo(404);
            }
            assertThat(count(elasticsearch)).isEqualTo(catalogue - updates.deleted.size());
            assertThat(updates.updated).hasSizeGreaterThanOrEqualTo(10);

            List<Sample> all = List.copyOf(samples);
            List<Sample> failed = all.stream().filter(s -> s.status() < 200 || s.status() > 299).toList();
            double seconds = (ended - started) / 1e9;
            String report = report(all, failed, seconds, flippedAt, repairedAt, updates, dataset.isPresent());
            Files.writeString(Path.of("target/zero-downtime-reindex.md"), report);
            System.out.println(report);

            assertThat(failed).as("failed requests").isEmpty();
            assertThat(all.size() / seconds).as("requests per second actually sent").isGreaterThan(RATE * 0.9);
            assertThat(Duration.ofNanos(repairedAt - flippedAt)).as("a cached answer outliving the flip").isLessThan(FLIP_BOUND);
        }
    }

    private void fire(URI uri) {
        long start = System.nanoTime();
        http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> samples.add(new Sample(start, System.nanoTime(), response == null ? -1 : response.statusCode(),
                        error == null ? null : error.toString())));
    }

    private List<String> indexer(LocalStack stack, String... command) {
        long[] window = {System.nanoTime(), 0};
        operations.add(window);
        List<String> lines = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of(command));
        // Long enough for any batch between its audit entries and its writes; short enough not to re-copy the initial load.
        args.add("--marquee.indexer.reindex.catch-up-margin=30s");
        int exit = stack.indexer(args, line -> {
            lines.add(line);
            if (!line.startsWith("{") && !line.contains(" INFO ") && !line.contains(" WARN ")) {
                System.out.println("indexer " + command[0] + ": " + line);
            }
        });
        window[1] = System.nanoTime();
        assertThat(exit).as(String.join(" ", command) + " exit code; output:\n" + String.join("\n", lines)).isZero();
        return lines;
    }

    private long awaitRepaired(URI probe, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (get(probe).body().contains(id)) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The repaired movie never showed through the API");
    }

    private void awaitAllAnswered(int sent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (samples.size() < sent && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(samples).as("every request sent answered or failed").hasSize(sent);
    }

    private void awaitQueueDrained(LocalStack stack) throws InterruptedException {
        try (var sqs = io.marquee.localservers.aws.LocalAws.sqsClient(stack.state().aws())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (io.marquee.localservers.aws.LocalAws.queueDepth(sqs, stack.state().queueUrl()) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        Thread.sleep(1_500);
    }

    /** The seed query types, over movies nobody updates or deletes during the run. */
    private List<URI> loadMix(URI api, List<JsonNode> movies, Set<String> touched) {
        List<URI> mix = new ArrayList<>();
        for (JsonNode movie : movies) {
            String title = movie.path("title").asText();
            if (touched.contains(title) || !PLAIN.matcher(title).matches()) {
                continue;
            }
            String year = movie.path("year").asText();
            mix.add(api.resolve("/movies/year/" + year));
            mix.add(api.resolve("/movies/name/" + encode(title)));
            mix.add(api.resolve("/v1/movies?q=" + encode(typo(title))));
            mix.add(api.resolve("/v1/movies/" + movie.path("id").asText()));
            movie.path("genres").forEach(g -> mix.add(api.resolve("/movies/genre/" + encode(g.asText()))));
            for (JsonNode member : movie.path("cast")) {
                if (!touched.contains(member.asText()) && PLAIN.matcher(member.asText()).matches()) {
                    mix.add(api.resolve("/movies/castmember/" + encode(member.asText())));
                    mix.add(api.resolve("/v1/movies?cast=" + encode(member.asText())));
                    break;
                }
            }
        }
        java.util.Collections.shuffle(mix, new java.util.Random(7));
        return mix;
    }

    private static String typo(String title) {
        int at = title.length() / 2;
        return title.length() < 6 ? title : title.substring(0, at) + title.substring(at + 1);
    }

    private List<JsonNode> movies(URI api, String filter, int pages) throws Exception {
        List<JsonNode> movies = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            JsonNode body = json.readTree(get(api.resolve("/v1/movies?sort=title&size=100&page=" + page + "&" + filter)).body());
            body.path("items").forEach(movies::add);
        }
        return movies;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(ElasticsearchHttp elasticsearch) throws IOException {
        elasticsearch.post("/movies/_refresh", "");
        return json.readTree(elasticsearch.get("/movies/_count").body()).path("count").asLong();
    }

    private String aliasTarget(ElasticsearchHttp elasticsearch, String alias) throws IOException {
        return json.readTree(elasticsearch.get("/_alias/" + alias).body()).fieldNames().next();
    }

    private String report(List<Sample> all, List<Sample> failed, double seconds, long flippedAt, long repairedAt, Updates updates,
            boolean fullDataset) {
        List<Sample> during = all.stream().filter(s -> operations.stream().anyMatch(w -> s.start() >= w[0] && s.start() <= w[1])).toList();
        List<Sample> outside = all.stream().filter(s -> !during.contains(s)).toList();
        Map<String, List<Sample>> phases = new LinkedHashMap<>();
        phases.put("while reindexing / rolling back", during);
        phases.put("outside", outside);
        phases.put("whole run", all);
        StringBuilder out = new StringBuilder("# Zero-downtime reindex under load\n\n");
        out.append(String.format("Catalogue: %s. Open-loop load: %d requests/s over the seed query types for %.0f s (%.0f requests/s sent).%n",
                fullDataset ? "the full wikipedia-movie-data set" : "36,273 generated movies", RATE, seconds, all.size() / seconds));
        out.append(String.format("Operations: reindex --from s3 --flip, reindex --from index --flip, rollback (%s).%n",
                operations.stream().map(w -> String.format("%.1f s", (w[1] - w[0]) / 1e9)).toList()));
        out.append(String.format("Pipeline meanwhile: %d updates and %d deletes, all visible at the end.%n", updates.updated.size(),
                updates.deleted.size()));
        out.append(String.format("A movie missing from the live index showed %d ms after the flip (generation refresh %d ms, cache TTL %d min).%n%n",
                (repairedAt - flippedAt) / 1_000_000, GENERATION_REFRESH.toMillis(), CACHE_TTL.toMinutes()));
        out.append("| phase | requests | non-2xx or failed | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        phases.forEach((phase, list) -> {
            long[] millis = list.stream().mapToLong(s -> (s.end() - s.start()) / 1000).sorted().toArray();
            out.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f |%n", phase, list.size(), list.stream().filter(failed::contains).count(),
                    percentile(millis, 0.50), percentile(millis, 0.99), millis.length == 0 ? 0 : millis[millis.length - 1] / 1000.0));
        });
        failed.stream().limit(10).forEach(f -> out.append("- failed: ").append(f).append('\n'));
        return out.toString();
    }

    private static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        return sortedMicros[Math.min(sortedMicros.length - 1, (int) Math.ceil(p * sortedMicros.length) - 1)] / 1000.0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One request of the load: when it started and ended (nanos), its status (-1 when it failed without one) and error. */
    private record Sample(long start, long end, int status, String error) {
    }

    /** Watches which index the read alias points to, and when that changed. */
    private final class AliasWatch extends Thread {

        private final ElasticsearchHttp elasticsearch;
        private final List<long[]> changes = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        AliasWatch(ElasticsearchHttp elasticsearch) {
            super("alias-watch");
            this.elasticsearch = elasticsearch;
            setDaemon(true);
        }

        @Override
        public void run() {
            String last = null;
            while (running) {
                try {
                    String now = aliasTarget(elasticsearch, "movies");
                    if (last != null && !now.equals(last)) {
                        changes.add(new long[] {System.nanoTime()});
                    }
                    last = now;
                    Thread.sleep(20);
                }
                catch (IOException | RuntimeException ex) {
                    // The next look will do.
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        }

        long changedAfter(long since) {
            return changes.stream().mapToLong(c -> c[0]).filter(t -> t >= since).findFirst()
                    .orElseThrow(() -> new AssertionError("The read alias never moved"));
        }

        void stopWatching() {
            running = false;
        }
    }

    /** Delivers updates and deletes through S3 and SQS every 1.5 s, as a provider would, until stopped. */
    private final class Updates implements Runnable {

        static final String MARKER = "Marquee Reindex Witness";

        private final StackState stack;
        private final List<JsonNode> targets;
        private final List<String> updated = new CopyOnWriteArrayList<>();
        private final List<String> deleted = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);

        Updates(StackState stack, List<JsonNode> targets) {
            this.stack = stack;
            this.targets = targets;
        }

        @Override
        public void run() {
            int next = 0;
            for (int round = 0; running.get() && next + 3 <= targets.size(); round++) {
                try {
                    StringBuilder file = new StringBuilder();
                    for (int i = 0; i < 2; i++) {
                        ObjectNode movie = ((ObjectNode) targets.get(next++)).deepCopy();
                        ((ArrayNode) movie.withArray("cast")).add(MARKER);
                        movie.remove(List.of("id", "rating", "thumbnail", "thumbnailWidth", "thumbnailHeight"));
                        file.append(json.writeValueAsString(movie)).append('\n');
                        updated.add(targets.get(next - 1).path("id").asText());
                    }
                    String gone = targets.get(next++).path("id").asText();
                    file.append("{\"id\": \"").append(gone).append("\", \"deleted\": true}\n");
                    deleted.add(gone);
                    Path delivery = Files.writeString(state.resolve("during-" + round + ".ndjson"), file.toString());
                    Deliveries.deliver(stack, "wikipedia", delivery);
                    Thread.sleep(1_500);
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        }

        void stop() {
            running.set(false);
        }
    }
}
