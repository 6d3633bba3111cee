package io.marquee.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code make run} does, end to end with the built jars: Elasticsearch up, the sample loaded by the
 * indexer, the API serving it; then everything stopped and nothing left running.
 */
class LocalStackIntegrationTests {

    @TempDir
    Path state;

    // Where the docs' examples send their requests: make run's default address.
    private static final String DOCUMENTED_API = "http://localhost:8080";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheSampleAndStopsCleanly() throws Exception {
        int port = freePort();
        StackOptions options = new StackOptions(Path.of("../api/target/api-exec.jar"), Path.of("../indexer/target/indexer-exec.jar"),
                List.of(Path.of("../sample/movies-sample.json")), port, state);
        List<ProcessHandle> children;
        try (LocalStack stack = LocalStack.start(options)) {
            children = ProcessHandle.current().descendants().toList();
            assertThat(StackState.read(state)).isEqualTo(stack.state());

            HttpResponse<String> leon = get(stack.apiUri().resolve("/v1/movies?q=leon+the+professional"));
            assertThat(leon.statusCode()).isEqualTo(200);
            assertThat(leon.body()).contains("\"total\":").contains("Léon: The Professional");

            HttpResponse<String> cruise = get(stack.apiUri().resolve("/movies/castmember/tom%20cruise?limit=1"));
            assertThat(cruise.headers().firstValue("X-Total-Count")).contains("45");

            assertThat(get(stack.apiUri().resolve("/actuator/health/readiness")).statusCode()).isEqualTo(200);

            // The pipeline's smoke test, as it runs after every deploy.
            // Printed to a file, so that a script that hangs fails the bound instead of blocking a read of its pipe.
            Path smokeLog = state.resolve("smoke.log");
            Process smoke = new ProcessBuilder("bash", "../deploy/smoke-test.sh", stack.apiUri().toString()).redirectErrorStream(true)
                    .redirectOutput(smokeLog.toFile()).start();
            boolean exited = smoke.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                smoke.destroyForcibly();
            }
            String smoked = Files.readString(smokeLog);
            assertThat(exited).as("smoke test finished within 2 minutes: %s", smoked).isTrue();
            assertThat(smoke.exitValue()).as(smoked).isZero();
            assertThat(smoked).contains("all smoke checks passed");

            // Every curl in the README and the API doc, sent to this stack: the docs say what the API answers.
            Map<String, String> variables = Map.of("MARQUEE_ADMIN_KEY", stack.state().adminKey());
            for (String document : List.of("../README.md", "../docs/api.md")) {
                List<DocumentedRequests.Request> requests = DocumentedRequests.read(Path.of(document), variables).requests();
                assertThat(requests).as(document).isNotEmpty();
                for (DocumentedRequests.Request request : requests) {
                    HttpResponse<String> answer = send(request, stack.apiUri());
                    assertThat(request.answeredAsDocumented(answer.statusCode()))
                            .as("%s: %s answered %d%n%s", document, request.line(), answer.statusCode(), answer.body()).isTrue();
                }
            }

            // The consuming indexer's metrics, beside the API.
            HttpResponse<String> metrics = get(URI.create("http://localhost:" + (port + 1) + "/actuator/prometheus"));
            assertThat(metrics.body()).containsPattern("marquee_ingest_messages_total\\{[^}]*outcome=\"deleted\"").contains("marquee_ingest_lag_seconds_count");

            // Every series the chart's alerts and dashboard read is one the API or the indexer really exports.
            HttpResponse<String> apiMetrics = http.send(HttpRequest.newBuilder(stack.apiUri().resolve("/actuator/prometheus"))
                    .header("X-Api-Key", stack.state().adminKey()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(apiMetrics.statusCode()).isEqualTo(200);
            Set<String> exported = new HashSet<>(MonitoredSeries.exported(apiMetrics.body()));
            exported.addAll(MonitoredSeries.exported(metrics.body()));
            Set<String> read = MonitoredSeries.readBy(Path.of("../charts/marquee/files/alerts.rules.yaml"), Path.of("../charts/marquee/files/dashboard.json"));
            assertThat(read).hasSizeGreaterThan(10);
            assertThat(exported).containsAll(read);

            // make load: through S3 and SQS, as a provider would deliver.
            Path more = Files.writeString(state.resolve("more.ndjson"),
                    "{\"title\": \"Brand New Film\", \"year\": 2024, \"cast\": [\"Zoë Newcomer\"], \"genres\": [\"Drama\"]}\n");
            assertThat(Deliveries.deliver(StackState.read(state), "wikipedia", more)).containsExactly("incoming/wikipedia/more.ndjson");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!get(stack.apiUri().resolve("/v1/movies?cast=zoe+newcomer")).body().contains("Brand New Film")) {
                assertThat(System.nanoTime()).as("the delivered file searchable within a minute").isLessThan(deadline);
                Thread.sleep(250);
            }
        }
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(state.resolve(StackState.FILE)).doesNotExist();
        assertThat(state.resolve("s3")).doesNotExist();
    }

    @Test
    void parsesOptions() {
        StackOptions options = StackOptions.parse(new String[] {"--port", "9090", "--data", "x.json"});

        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.data()).containsExactly(Path.of("x.json"));
        assertThat(options.apiJar()).isEqualTo(Path.of("api/target/api-exec.jar"));
    }

    private HttpResponse<String> send(DocumentedRequests.Request request, URI api) throws IOException, InterruptedException {
        String documented = request.uri().toString();
        URI uri = documented.startsWith(DOCUMENTED_API) ? URI.create(api + documented.substring(DOCUMENTED_API.length())) : request.uri();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(request.method(), HttpRequest.BodyPublishers.noBody());
        request.headers().forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
