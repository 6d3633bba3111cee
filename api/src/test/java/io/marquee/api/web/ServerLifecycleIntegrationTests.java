package io.marquee.api.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.marquee.api.ApiApplication;
import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.SharedElasticsearch;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as its {@code main} starts it, on a real port: a keep-alive connection answers every request whether
 * the previous one was answered at once (from the cache, by actuator) or after Elasticsearch; and a shutdown under
 * load lets every accepted request finish, with readiness going down first.
 */
@ElasticsearchTest
class ServerLifecycleIntegrationTests {

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(ServerLifecycleIntegrationTests.class);
    }

    @Test
    void answersEveryRequestOnOneKeepAliveConnection() throws IOException {
        try (ConfigurableApplicationContext api = start(); Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(api))) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 300; i++) {
                String path = switch (i % 3) {
                    case 0 -> "/actuator/health/liveness";
                    case 1 -> "/movies/year/1995";
                    default -> "/v1/movies?q=keep+alive+" + i;
                };
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readStatus(in)).as("request " + i + " " + path).isEqualTo(200);
            }
        }
        assertThat(System.getProperty("reactor.netty.http.server.lastFlushWhenNoRead")).isEqualTo("true");
    }

    @Test
    // Under -Pslow until it can tell, from the server's side, a connection reset in the kernel's accept queue when the
    // listener closes (never accepted) from a dropped request: seen from the client both are resets (1 run in 3 here).
    @Tag("slow")
    void aShutdownUnderLoadLetsEveryAcceptedRequestFinish() throws InterruptedException {
        ConfigurableApplicationContext api = start();
        List<String> events = new CopyOnWriteArrayList<>();
        api.addApplicationListener((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
            if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
                events.add("readiness down");
            }
        });
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port(api))
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().keepAlive(false).responseTimeout(Duration.ofSeconds(10))))
                .build();
        AtomicBoolean closing = new AtomicBoolean();
        AtomicInteger servedWhileClosing = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> dropped = new ConcurrentLinkedQueue<>();
        AtomicInteger sequence = new AtomicInteger();

        var load = Flux.range(0, 16).flatMap(worker -> Mono.defer(() -> {
            boolean startedBeforeClose = !closing.get();
            return client.get().uri("/v1/movies?q=shutdown+under+load+{n}", sequence.incrementAndGet()).retrieve().toBodilessEntity()
                    .doOnNext(response -> {
                        served.incrementAndGet();
                        if (startedBeforeClose && closing.get()) {
                            servedWhileClosing.incrementAndGet();
                        }
                    })
                    .onErrorResume(error -> {
                        // Once the server closes its listening socket, a connection still in the kernel's accept queue
                        // is refused or reset: it was never accepted. A request under way before that must be answered.
                        if (isRefused(error) || !startedBeforeClose) {
                            refused.incrementAndGet();
                        }
                        else {
                            dropped.add(error.toString());
                        }
                        return Mono.empty();
                    });
        }).repeat(() -> refused.get() == 0), 16).then().subscribe();

        Thread.sleep(3_000);
        closing.set(true);
        api.close();
        events.add("closed");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!load.isDisposed() && refused.get() < 16 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        load.dispose();

        assertThat(dropped).as("accepted requests that did not get their answer").isEmpty();
        assertThat(served.get()).isGreaterThan(100);
        assertThat(servedWhileClosing.get()).as("requests in flight when the shutdown began, answered").isPositive();
        assertThat(events).containsExactly("readiness down", "closed");
    }

    private static boolean isRefused(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return error instanceof WebClientRequestException && String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("refused");
    }

    private static ConfigurableApplicationContext start() {
        String user = SharedElasticsearch.endpoint().username();
        return ApiApplication.start("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.elasticsearch.uris=" + SharedElasticsearch.endpoint().urisAsString(),
                "--spring.elasticsearch.username=" + (user == null ? "" : user),
                "--spring.elasticsearch.password=" + (user == null ? "" : SharedElasticsearch.endpoint().password()),
                "--marquee.api.catalog.index-prefix=" + TestIndices.prefixFor(ServerLifecycleIntegrationTests.class));
    }

    private static int port(ConfigurableApplicationContext api) {
        return ((WebServerApplicationContext) api).getWebServer().getPort();
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked) and returns its status. */
    private static int readStatus(InputStream in) throws IOException {
        String status = line(in);
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                in.readNBytes(size);
                line(in);
            }
            line(in);
        }
        else if (length > 0) {
            in.readNBytes(length);
        }
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

}
