package io.marquee.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An API of the benchmark's own, started from the API's executable jar with its cache off and Elasticsearch behind a
 * {@link SearchRecorder}: asked a query, it answers as the measured APIs do, and the recorder holds the one search it sent.
 */
final class RecordingApi implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final SearchRecorder recorder;
    private final Process process;
    private final URI uri;
    private final HttpClient http = HttpClient.newHttpClient();

    RecordingApi(Path apiJar, URI elasticsearch, Path log) throws IOException, InterruptedException {
        this.recorder = new SearchRecorder(elasticsearch);
        int port = freePort();
        this.uri = URI.create("http://127.0.0.1:" + port);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                apiJar.toString(), "--server.port=" + port, "--spring.elasticsearch.uris=" + recorder.uri(),
                "--marquee.api.cache.max-entries=0", "--marquee.api.hits.enabled=false", "--spring.profiles.active=plain-logs")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // One client at one address: the anonymous limit would otherwise be what the preparation meets.
        builder.environment().put("MARQUEE_ANONYMOUS_RATE", "10000000");
        builder.environment().put("MARQUEE_ANONYMOUS_BURST", "10000000");
        this.process = builder.start();
        awaitReady(log);
    }

    /** Asks the API one query and returns the searches it sent Elasticsearch for it (typeahead sends two at once). */
    List<SearchRecorder.Recorded> searchesFor(String apiPath) throws IOException, InterruptedException {
        recorder.take();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri.resolve(apiPath)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(apiPath + " answered " + response.statusCode() + " on the recording API");
        }
        List<SearchRecorder.Recorded> searches = recorder.take();
        if (searches.isEmpty()) {
            throw new IllegalStateException(apiPath + " sent no search: the recording API answered from elsewhere");
        }
        return searches;
    }

    private void awaitReady(Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the recording API exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri.resolve("/v1/movies?q=heat&size=1")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    recorder.take();
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the recording API did not answer within " + STARTUP + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        recorder.close();
    }
}
