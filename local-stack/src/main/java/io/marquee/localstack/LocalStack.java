package io.marquee.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.marquee.testsupport.elasticsearch.LocalElasticsearch;

/**
 * Starts Elasticsearch, loads the sample with the real indexer, starts the API, prints where to look, and
 * runs until stopped. {@link #close()} (and Ctrl-C) stops the API, then Elasticsearch, and removes the state.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    static final String URL_FILE = "elasticsearch.url";

    private final StackOptions options;
    private final LocalElasticsearch elasticsearch;
    private final Process api;
    private volatile boolean closing;

    private LocalStack(StackOptions options, LocalElasticsearch elasticsearch, Process api) {
        this.options = options;
        this.elasticsearch = elasticsearch;
        this.api = api;
    }

    public static void main(String[] args) throws InterruptedException {
        StackOptions options = StackOptions.parse(args);
        LocalStack stack = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println(stack.banner());
        stack.api.onExit().thenRun(() -> {
            if (!stack.closing) {
                log.error("The API exited; stopping the stack");
                System.exit(1);
            }
        });
        stopped.await();
    }

    static LocalStack start(StackOptions options) {
        requireFile(options.apiJar(), "API jar");
        requireFile(options.indexerJar(), "indexer jar");
        LocalElasticsearch elasticsearch = LocalElasticsearch.start(LocalElasticsearch.Options.singleNode().withHeap("1g"));
        Process api = null;
        try {
            String esUrl = elasticsearch.endpoint().urisAsString();
            Files.createDirectories(options.stateDir());
            Files.writeString(options.stateDir().resolve(URL_FILE), esUrl + System.lineSeparator());
            load(options, esUrl);
            api = java(options.apiJar(), List.of("--spring.elasticsearch.uris=" + esUrl, "--server.port=" + options.port(),
                    "--spring.profiles.active=plain-logs")).inheritIO().start();
            LocalStack stack = new LocalStack(options, elasticsearch, api);
            stack.awaitReady(Duration.ofMinutes(2));
            return stack;
        }
        catch (IOException | RuntimeException ex) {
            if (api != null) {
                api.destroyForcibly();
            }
            elasticsearch.close();
            throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
        }
    }

    /** The API's base address. */
    URI apiUri() {
        return URI.create("http://localhost:" + options.port());
    }

    String elasticsearchUrl() {
        return elasticsearch.endpoint().urisAsString();
    }

    @Override
    public synchronized void close() {
        closing = true;
        if (api.isAlive()) {
            api.destroy();
            try {
                if (!api.waitFor(30, TimeUnit.SECONDS)) {
                    api.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                api.destroyForcibly();
            }
        }
        elasticsearch.close();
        try {
            Files.deleteIfExists(options.stateDir().resolve(URL_FILE));
        }
        catch (IOException ex) {
            log.warn("Could not remove {}: {}", options.stateDir().resolve(URL_FILE), ex.getMessage());
        }
    }

    private static void load(StackOptions options, String esUrl) throws IOException {
        List<String> args = new ArrayList<>(List.of("load"));
        options.data().forEach(path -> args.add(path.toString()));
        args.add("--spring.elasticsearch.uris=" + esUrl);
        args.add("--spring.profiles.active=plain-logs");
        Process indexer = java(options.indexerJar(), args).inheritIO().start();
        try {
            if (!indexer.waitFor(10, TimeUnit.MINUTES) || indexer.exitValue() != 0) {
                throw new IllegalStateException("Loading the sample failed (indexer exit code "
                        + (indexer.isAlive() ? "none, timed out" : indexer.exitValue()) + ")");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            indexer.destroyForcibly();
            throw new IllegalStateException("Interrupted while loading the sample", ex);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!api.isAlive()) {
                throw new IllegalStateException("The API exited during start-up (exit code " + api.exitValue() + ")");
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(apiUri().resolve("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException ex) {
                // Not listening yet.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the API", ex);
            }
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the API", ex);
            }
        }
        throw new IllegalStateException("The API was not ready within " + timeout);
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
                "  Elasticsearch  " + elasticsearchUrl(),
                "",
                "Try:",
                "  curl '" + base + "/v1/movies?q=leon+the+professional'",
                "  curl '" + base + "/v1/movies?cast=tom+cruse&year=1986'",
                "  curl '" + base + "/v1/movies?genre=sci-fi&sort=-year&size=5'",
                "  curl '" + base + "/movies/castmember/penelope%20cruz'",
                "  make load DATA=../shared/data/wikipedia-movie-data     # the full 36,273 movies",
                "",
                "Ctrl-C stops everything.",
                "");
    }

    private static ProcessBuilder java(Path jar, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No " + what + " at " + file.toAbsolutePath() + ": build first with './mvnw install -DskipTests'");
        }
    }
}
