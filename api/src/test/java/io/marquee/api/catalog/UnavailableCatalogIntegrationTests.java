package io.marquee.api.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API in front of an "Elasticsearch" that accepts connections and never answers: every read must end
 * within its timeout as a 503 that says when to retry and nothing about the internals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "marquee.api.catalog.search-timeout=300ms", "marquee.api.catalog.lookup-timeout=300ms", "marquee.api.catalog.retry-after=7s"})
class UnavailableCatalogIntegrationTests {

    private static final SilentServer SILENT = new SilentServer();

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + SILENT.port());
    }

    @AfterAll
    static void stop() {
        SILENT.close();
    }

    private final WebTestClient http;

    UnavailableCatalogIntegrationTests(WebTestClient http) {
        this.http = http.mutate().responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void answersSearchesWithServiceUnavailableWithinTheTimeout() {
        long started = System.nanoTime();
        String body = http.get().uri("/v1/movies?q=heat").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(body).contains("Search temporarily unavailable").doesNotContainIgnoringCase("elasticsearch")
                .doesNotContain("Exception").doesNotContain("127.0.0.1");
    }

    @Test
    void answersLookupsAndContractRoutesWithServiceUnavailable() {
        http.get().uri("/v1/movies/top-gun-1986-00000000").exchange().expectStatus().isEqualTo(503);
        http.get().uri("/movies/year/1986").exchange().expectStatus().isEqualTo(503).expectHeader().exists("Retry-After");
    }

    @Test
    void logsTheFailureUnderTheRequestsIdentity() {
        Logger logger = (Logger) LoggerFactory.getLogger(MovieCatalog.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            http.get().uri("/v1/movies?q=identified").header("X-Request-Id", "trace-42").exchange()
                    .expectStatus().isEqualTo(503).expectHeader().valueEquals("X-Request-Id", "trace-42");
        }
        finally {
            logger.detachAppender(events);
        }

        // Other lines may land meanwhile (the generation poller's alias lookups, in the background, belong to no request):
        // this request's search timeout must be among them, under its identity.
        assertThat(events.list).filteredOn(event -> event.getFormattedMessage().contains("search"))
                .anySatisfy(event -> assertThat(event.getMDCPropertyMap())
                .containsEntry("requestId", "trace-42").containsEntry("clientId", "anonymous").containsEntry("source", "127.0.0.1"));
    }

    @Test
    void isNotReadyButStaysLive() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    /** Accepts TCP connections and never says a word. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new ArrayList<>();

        SilentServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        accepted.add(socket.accept());
                    }
                    catch (IOException ex) {
                        return;
                    }
                }
            }, "silent-elasticsearch");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket s : accepted) {
                    s.close();
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
