package io.marquee.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

import io.marquee.localservers.aws.LocalAws;
import io.marquee.text.Digests;
import io.marquee.localservers.elasticsearch.LocalElasticsearch;

/**
 * What {@code make run} runs: Elasticsearch, S3 (S3Proxy) and SQS (ElasticMQ) with the bucket, queue and
 * dead-letter queue; the indexer consuming the queue; the sample delivered through S3 like any provider's file;
 * and the API. It prints where to look and runs until stopped; {@link #close()} (and Ctrl-C) stops everything.
 * <p>
 * Also {@code load <file-or-directory> [provider]} (what {@code make load} runs), {@code announce <key>} and
 * {@code indexer <command> [options]} (what {@code make indexer} runs: an indexer command such as {@code reindex},
 * run as its own process against the stack, as a Kubernetes Job would) against a running stack.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final StackOptions options;
    private final LocalElasticsearch elasticsearch;
    private final LocalAws aws;
    private final StackState state;
    // The consuming indexer serves its health and metrics next to the API: 8081 beside the default 8080.
    private final int indexerPort;
    private final List<Process> processes = new ArrayList<>();
    private volatile boolean closing;

    private LocalStack(StackOptions options, LocalElasticsearch elasticsearch, LocalAws aws) {
        this.options = options;
        this.elasticsearch = elasticsearch;
        this.aws = aws;
        this.state = StackState.of(elasticsearch.endpoint().urisAsString(), aws, LocalKeys.newKey());
        this.indexerPort = options.port() + 1;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("load")) {
            if (args.length < 2) {
                throw new IllegalArgumentException("usage: load <file-or-directory> [provider]");
            }
            String provider = args.length > 2 ? args[2] : "wikipedia";
            Deliveries.deliver(StackState.read(Path.of(".local")), provider, Path.of(args[1]))
                    .forEach(key -> System.out.println("delivered s3://…/" + key + " and published its S3 event"));
            return;
        }
        if (args.length > 0 && args[0].equals("indexer")) {
            StackState state = StackState.read(Path.of(".local"));
            System.exit(runIndexer(StackOptions.parse(new String[0]).indexerJar(), state, List.of(args).subList(1, args.length),
                    System.out::println));
        }
        if (args.length > 0 && args[0].equals("announce")) {
            Deliveries.announce(StackState.read(Path.of(".local")), args[1]);
            System.out.println("published the S3 event of " + args[1]);
            return;
        }
        LocalStack stack = start(StackOptions.parse(args));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(stack.banner());
        stack.processes.forEach(process -> process.onExit().thenRun(() -> {
            if (!stack.closing) {
                log.error("A stack process exited (exit code {}); stopping the stack", process.exitValue());
                System.exit(1);
            }
        }));
        stopped.await();
    }

    static LocalStack start(StackOptions options) {
        requireFile(options.apiJar(), "API jar");
        requireFile(options.indexerJar(), "indexer jar");
        LocalElasticsearch elasticsearch = LocalElasticsearch.start(LocalElasticsearch.Options.singleNode().withHeap(options.elasticsearchHeap()));
        LocalStack stack = null;
        try {
            LocalAws aws = LocalAws.start(options.stateDir().resolve("s3"), LocalAws.Names.defaults());
            stack = new LocalStack(options, elasticsearch, aws);
            stack.state.write(options.stateDir());
            stack.launch();
            return stack;
        }
        catch (RuntimeException ex) {
            if (stack != null) {
                stack.close();
            }
            else {
                elasticsearch.close();
            }
            throw ex;
        }
    }

    private void launch() {
        String esUrl = state.elasticsearch();
        List<String> consume = new ArrayList<>(List.of("consume", "--server.port=" + indexerPort));
        consume.addAll(indexerSettings(state));
        processes.add(start(options.indexerJar(), consume));
        for (Path data : options.data()) {
            Deliveries.deliver(state, "wikipedia", data);
        }
        try (SqsClient sqs = aws.sqsClient()) {
            await("the sample to be indexed", options.loadTimeout(), () -> LocalAws.queueDepth(sqs, state.queueUrl()) == 0);
        }
        // The consumer ranks the catalogue once its writes settle (prominence, an interval after the last delivery), which
        // rewrites most documents after a first load: the API starts on a ranked catalogue, not in the middle of that.
        await("the catalogue to be ranked", options.loadTimeout(), new Settled(esUrl, RANKED_AFTER));
        List<String> api = new ArrayList<>(List.of("--spring.elasticsearch.uris=" + esUrl, "--server.port=" + options.port(),
                "--spring.profiles.active=plain-logs"));
        // One admin key, so that what needs a key (a movie's history, metrics) can be tried; the API sees only its hash.
        api.addAll(List.of("--marquee.api.access.keys[0].client-id=local-admin", "--marquee.api.access.keys[0].scopes=admin",
                "--marquee.api.access.keys[0].sha256=" + Digests.sha256Hex(state.adminKey(), Digests.SHA256_BYTES)));
        // Where the API's writes go, should a stack turn them on (--marquee.api.writes.enabled=true): this stack's bucket.
        api.addAll(List.of("--marquee.api.writes.bucket=" + state.bucket(), "--marquee.api.writes.s3-endpoint=" + state.s3(),
                "--marquee.api.writes.access-key=" + state.accessKey(), "--marquee.api.writes.secret-key=" + state.secretKey(),
                "--marquee.api.writes.region=" + state.region()));
        api.addAll(options.apiArguments());
        processes.add(start(options.apiJar(), api));
        await("the API to be ready", Duration.ofMinutes(2), this::apiReady);
    }

    /** Where the indexer finds this stack's Elasticsearch, S3 and SQS. */
    private static List<String> indexerSettings(StackState state) {
        return List.of("--spring.elasticsearch.uris=" + state.elasticsearch(),
                "--marquee.indexer.aws.s3-endpoint=" + state.s3(), "--marquee.indexer.aws.sqs-endpoint=" + state.sqs(),
                "--marquee.indexer.aws.access-key=" + state.accessKey(), "--marquee.indexer.aws.secret-key=" + state.secretKey(),
                "--marquee.indexer.aws.region=" + state.region(), "--marquee.indexer.pipeline.queue-url=" + state.queueUrl(),
                "--marquee.indexer.pipeline.dead-letter-queue-url=" + state.deadLetterQueueUrl(),
                "--marquee.indexer.pipeline.bucket=" + state.bucket(),
                // A local delivery is ranked within seconds of its last movie, not minutes as in production.
                "--marquee.indexer.prominence.interval=5s", "--spring.profiles.active=plain-logs");
    }

    /** Runs one indexer command as its own process against this stack, handing every output line over; returns its exit code. */
    int indexer(List<String> command, java.util.function.Consumer<String> lines) {
        return runIndexer(options.indexerJar(), state, command, lines);
    }

    private static int runIndexer(Path jar, StackState state, List<String> command, java.util.function.Consumer<String> lines) {
        List<String> args = new ArrayList<>(command);
        args.addAll(indexerSettings(state));
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        line.addAll(args);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            try (var reader = process.inputReader()) {
                reader.lines().forEach(lines);
            }
            return process.waitFor();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the indexer ran " + command, ex);
        }
    }

    /** The API's base address. */
    URI apiUri() {
        return URI.create("http://localhost:" + options.port());
    }

    StackState state() {
        return state;
    }

    @Override
    public synchronized void close() {
        closing = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            stop(processes.get(i));
        }
        try {
            aws.close();
        }
        finally {
            elasticsearch.close();
            StackState.delete(options.stateDir());
            // The local bucket is as throwaway as the local index: the next stack starts empty on both sides.
            deleteRecursively(options.stateDir().resolve("s3"));
        }
    }

    private void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private boolean apiReady() {
        try {
            HttpResponse<Void> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(apiUri().resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return ready.statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Longer than two of the consumer's ranking intervals: the longest a settled delivery waits for its ranking. */
    private static final Duration RANKED_AFTER = Duration.ofSeconds(15);

    /**
     * True once the movie indices' writes and searches have not changed for {@code quiet}: deliveries and their ranking
     * (whose passes read before they write) are done. Nothing else searches them before the API starts.
     */
    private static final class Settled implements BooleanSupplier {

        private final HttpClient http = HttpClient.newHttpClient();
        private final URI stats;
        private final Duration quiet;
        private String last;
        private Instant since = Instant.now();

        Settled(String elasticsearch, Duration quiet) {
            this.stats = URI.create(elasticsearch + "/movies/_stats/indexing,search?filter_path=_all.primaries.indexing.index_total,"
                    + "_all.primaries.indexing.delete_total,_all.total.search.query_total");
            this.quiet = quiet;
        }

        @Override
        public boolean getAsBoolean() {
            String now;
            try {
                now = http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (!now.equals(last)) {
                last = now;
                since = Instant.now();
                return false;
            }
            return Duration.between(since, Instant.now()).compareTo(quiet) >= 0;
        }
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            processes.stream().filter(p -> !p.isAlive()).findFirst().ifPresent(p -> {
                throw new IllegalStateException("A stack process exited (code " + p.exitValue() + ") while waiting for " + what);
            });
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, ex);
            }
        }
    }

    private String banner() {
        String base = apiUri().toString();
        return String.join(System.lineSeparator(),
                "",
                "Marquee is running.",
                "  API            " + base,
                "  Swagger UI     " + base + "/swagger-ui.html",
                "  OpenAPI        " + base + "/v3/api-docs",
                "  Health         " + base + "/actuator/health",
                "  Indexer        http://localhost:" + indexerPort + "/actuator/prometheus  (metrics; /actuator/health)",
                "  Elasticsearch  " + state.elasticsearch(),
                "  S3 (S3Proxy)   " + state.s3() + "   bucket " + state.bucket(),
                "  SQS (ElasticMQ)" + " " + state.queueUrl(),
                "  Admin key      " + state.adminKey() + "  (X-Api-Key; also MARQUEE_ADMIN_KEY in the settings)",
                "  Settings       " + options.stateDir().resolve(StackState.FILE) + "  (source it for the AWS CLI and curl)",
                "",
                "Try:",
                "  curl '" + base + "/v1/movies?q=leon+the+professional'",
                "  curl '" + base + "/v1/movies?cast=tom+cruse&year=1986'",
                "  curl '" + base + "/v1/movies?genre=sci-fi&sort=-year&size=5'",
                "  curl '" + base + "/movies/castmember/penelope%20cruz'",
                "  make load DATA=../shared/data/wikipedia-movie-data     # the full 36,273 movies, through S3 and SQS",
                "",
                "Ctrl-C stops everything.",
                "");
    }

    private static Process start(Path jar, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()));
        command.addAll(args);
        try {
            return new ProcessBuilder(command).inheritIO().start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            log.warn("Could not delete {}: {}", dir, ex.getMessage());
        }
    }

    private static void requireFile(Path file, String what) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalStateException("No " + what + " at " + file.toAbsolutePath() + ": build first with './mvnw install -DskipTests'");
        }
    }
}
