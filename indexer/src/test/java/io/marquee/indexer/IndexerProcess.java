package io.marquee.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.marquee.localservers.aws.LocalAws;
import io.marquee.testsupport.elasticsearch.TestIndices;

/**
 * The real indexer consuming the local queue in a JVM of its own, as it runs in production: with its health and
 * metrics served on a port of its own.
 */
public final class IndexerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private IndexerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code indexer consume} against the local AWS and the test's indices, logging to {@code log}. */
    public static IndexerProcess consume(LocalAws aws, TestIndices indices, Path log, String... extraArguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "io.marquee.indexer.IndexerApplication", "consume",
                "--server.port=" + port,
                "--spring.elasticsearch.uris=" + indices.endpoint().urisAsString(),
                "--marquee.indexer.index-prefix=" + indices.prefix(),
                "--marquee.indexer.aws.s3-endpoint=" + aws.endpoint().s3(),
                "--marquee.indexer.aws.sqs-endpoint=" + aws.endpoint().sqs(),
                "--marquee.indexer.aws.access-key=" + aws.endpoint().accessKey(),
                "--marquee.indexer.aws.secret-key=" + aws.endpoint().secretKey(),
                "--marquee.indexer.pipeline.queue-url=" + aws.queueUrl(),
                "--marquee.indexer.pipeline.dead-letter-queue-url=" + aws.deadLetterQueueUrl(),
                "--marquee.indexer.pipeline.bucket=" + aws.names().bucket(),
                "--marquee.indexer.pipeline.wait-time=1s",
                "--marquee.indexer.pipeline.visibility-timeout=5s",
                "--marquee.indexer.pipeline.retry-backoff=1s",
                "--marquee.indexer.pipeline.depth-interval=500ms",
                "--marquee.indexer.bulk.max-operations=500",
                "--spring.profiles.active=plain-logs"));
        command.addAll(List.of(extraArguments));
        try {
            return new IndexerProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** GETs a path of the indexer's own server; an answer of -1 when nothing answers (yet). */
    public Answer get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        }
        catch (IOException ex) {
            return new Answer(-1, ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Answer(-1, ex.toString());
        }
    }

    /** The sum of a Prometheus metric's samples whose labels include every one of {@code labels} ({@code name="value"}). */
    public double metric(String name, String... labels) {
        Answer scrape = get("/actuator/prometheus");
        if (scrape.status() != 200) {
            throw new AssertionError("No metrics: " + scrape);
        }
        double sum = 0;
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(scrape.body());
        while (sample.find()) {
            String found = sample.group(1) == null ? "" : sample.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    public Process process() {
        return process;
    }

    /** Stops it as Kubernetes would: SIGTERM, then waits. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A status (-1: no answer) and body. */
    public record Answer(int status, String body) {
    }
}
