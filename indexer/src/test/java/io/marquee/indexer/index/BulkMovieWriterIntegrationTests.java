package io.marquee.indexer.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.marquee.schema.IndexNames;
import io.marquee.schema.SchemaInstaller;
import io.marquee.schema.SchemaTemplates;
import io.marquee.movie.MovieDocument;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.movie.MovieJson;
import io.marquee.movie.MovieSource;
import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import io.marquee.localservers.elasticsearch.ElasticsearchHttp;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestClients;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer against real Elasticsearch, with a fault-injecting proxy in front of it where a test needs
 * Elasticsearch to push back.
 */
@ElasticsearchTest
class BulkMovieWriterIntegrationTests {

    private static final BulkProperties FAST_RETRIES = new BulkProperties(10, DataSize.ofMegabytes(1), 2, Duration.ofMillis(200), 4,
            Duration.ofMillis(50));

    private final TestIndices indices;
    private ElasticsearchClient client;
    private MovieIndexAdmin admin;
    private HttpServer proxy;

    BulkMovieWriterIntegrationTests(TestIndices indices) {
        this.indices = indices;
    }

    @BeforeEach
    void bootstrap() {
        client = TestClients.blocking(indices.endpoint(), MovieJson.jsonpMapper());
        admin = new MovieIndexAdmin(client, new SchemaInstaller(client, new SchemaTemplates(new IndexNames(indices.prefix()))));
        TestIndices.onSharedCluster(admin.names().prefix()).deleteAll();
        admin.bootstrap();
    }

    @AfterEach
    void close() throws IOException {
        client._transport().close();
        if (proxy != null) {
            proxy.stop(0);
        }
    }

    @Test
    void retriesTooManyRequestsUntilEveryDocumentIsIn() throws IOException {
        AtomicInteger rejected = new AtomicInteger();
        ElasticsearchClient throttled = TestClients.blocking(proxy(exchange -> exchange.getRequestURI().getPath().endsWith("/_bulk")
                && rejected.getAndIncrement() < 3), MovieJson.jsonpMapper());

        BulkMovieWriter writer = BulkMovieWriter.toAlias(throttled, admin.names().writeAlias(), FAST_RETRIES);
        for (int i = 0; i < 25; i++) {
            writer.add(movie("Film " + i), "test", i + 1);
        }
        WriteOutcome outcome = writer.finish();
        throttled._transport().close();

        assertThat(rejected.get()).isGreaterThanOrEqualTo(3);
        assertThat(outcome.retries()).isPositive();
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.created()).isEqualTo(25);
        admin.refresh();
        assertThat(client.count(c -> c.index(admin.names().readAlias())).count()).isEqualTo(25);
    }

    @Test
    void reportsEveryDocumentThatElasticsearchRefuses() {
        new ElasticsearchHttp(indices.endpoint()).put("/" + admin.writeIndex().orElseThrow() + "/_settings",
                "{\"index.blocks.write\": true}");
        try {
            BulkMovieWriter writer = BulkMovieWriter.toAlias(client, admin.names().writeAlias(), FAST_RETRIES);
            writer.add(movie("Blocked"), "file:/blocked.json", 7);
            WriteOutcome outcome = writer.finish();

            assertThat(outcome.indexed()).isZero();
            assertThat(outcome.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.uri()).isEqualTo("file:/blocked.json");
                assertThat(failure.position()).isEqualTo(7);
                assertThat(failure.reason()).startsWith("cluster_block_exception");
            });
        }
        finally {
            new ElasticsearchHttp(indices.endpoint()).put("/" + admin.writeIndex().orElseThrow() + "/_settings",
                    "{\"index.blocks.write\": null}");
        }
    }

    @Test
    void givesUpOnAnUnreachableClusterAfterItsRetriesAndSaysSo() {
        ElasticsearchClient nowhere = TestClients.blocking(new ElasticsearchEndpoint(List.of(URI.create("http://127.0.0.1:9")), null, null),
                MovieJson.jsonpMapper());
        Instant started = Instant.now();

        BulkMovieWriter writer = BulkMovieWriter.toAlias(nowhere, admin.names().writeAlias(), FAST_RETRIES);
        writer.add(movie("Lost"), "test", 1);
        WriteOutcome outcome = writer.finish();

        assertThat(outcome.retries()).isEqualTo(FAST_RETRIES.maxRetries());
        assertThat(outcome.failures()).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("request failed"));
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }

    private static MovieDocument movie(String title) {
        return MovieDocument.of(new MovieDocument.Facts(title, 2000, List.of("Someone"), List.of("Drama"), null, null, null, null, null),
                "test", MovieSource.file("test", 1), Instant.now());
    }

    /** A proxy to the real cluster that answers 429 to the requests {@code reject} picks. */
    private ElasticsearchEndpoint proxy(java.util.function.Predicate<HttpExchange> reject) throws IOException {
        HttpClient upstream = HttpClient.newHttpClient();
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                if (reject.test(exchange)) {
                    respond(exchange, 429, "{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"injected\"},\"status\":429}");
                    return;
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(indices.endpoint().uri() + exchange.getRequestURI().toString()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                for (String header : List.of("Content-Type", "Accept")) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        forward.header(header, value);
                    }
                }
                HttpResponse<String> response = upstream.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                respond(exchange, response.statusCode(), response.body());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        proxy.start();
        return new ElasticsearchEndpoint(List.of(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort())), null, null);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
