package io.marquee.api.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

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
    void aShutdownUnderLoadLetsEveryAcceptedRequestFinish() throws InterruptedException {
        // The server side says which requests it had under way when the shutdown began. From the client, a connection in
        // the kernel's accept queue when the listener closes, or one accepted whose request the server had not read
        // when it closed its connections without a request in progress, looks just like a dropped request: a reset or
        // a close before the response. Those are what clients and proxies retry; requests under way must finish.
        Set<String> receivedBeforeShutdown = ConcurrentHashMap.newKeySet();
        AtomicBoolean shuttingDown = new AtomicBoolean();
        ConfigurableApplicationContext api = start(new ReceivedRequests(receivedBeforeShutdown, shuttingDown));
        List<String> events = new CopyOnWriteArrayList<>();
        api.addApplicationListener((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
            if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
                shuttingDown.set(true);
                events.add("readiness down");
            }
        });
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port(api))
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().keepAlive(false).responseTimeout(Duration.ofSeconds(10))))
                .build();
        AtomicBoolean closing = new AtomicBoolean();
        AtomicInteger servedWhileClosing = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger failedAfterClose = new AtomicInteger();
        AtomicInteger failedBeforeClose = new AtomicInteger();
        Map<String, String> failed = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();

        var load = Flux.range(0, 16).flatMap(worker -> Mono.defer(() -> {
            boolean startedBeforeClose = !closing.get();
            String n = String.valueOf(sequence.incrementAndGet());
            return client.get().uri("/v1/movies?q=shutdown+under+load+{n}", n).retrieve().toBodilessEntity()
                    .doOnNext(response -> {
                        served.incrementAndGet();
                        if (startedBeforeClose && closing.get()) {
                            servedWhileClosing.incrementAndGet();
                        }
                    })
                    .onErrorResume(error -> {
                        failed.put(n, error.toString());
                        (closing.get() ? failedAfterClose : failedBeforeClose).incrementAndGet();
                        return Mono.empty();
                    });
        }).repeat(() -> failedAfterClose.get() == 0), 16).then().subscribe();

        Thread.sleep(3_000);
        closing.set(true);
        api.close();
        events.add("closed");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!load.isDisposed() && failedAfterClose.get() < 16 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        load.dispose();

        Map<String, String> dropped = new TreeMap<>(failed);
        dropped.keySet().retainAll(receivedBeforeShutdown);
        assertThat(dropped).as("requests under way when the shutdown began that did not get their answer").isEmpty();
        assertThat(failedBeforeClose.get()).as("requests failed before the shutdown began").isZero();
        assertThat(served.get()).isGreaterThan(50);
        assertThat(servedWhileClosing.get()).as("requests in flight when the shutdown began, answered").isPositive();
        assertThat(events).containsExactly("readiness down", "closed");
    }

    private static ConfigurableApplicationContext start() {
        return ApiApplication.start(arguments());
    }

    /** Starts the API as {@code main} does, with a filter first in the chain. */
    private static ConfigurableApplicationContext start(WebFilter filter) {
        return ApiApplication.start(context -> context.getBeanFactory().registerSingleton("testFilter", filter), arguments());
    }

    private static String[] arguments() {
        String user = SharedElasticsearch.endpoint().username();
        return new String[] {"--server.port=0", "--spring.main.banner-mode=off",
                "--spring.elasticsearch.uris=" + SharedElasticsearch.endpoint().urisAsString(),
                "--spring.elasticsearch.username=" + (user == null ? "" : user),
                "--spring.elasticsearch.password=" + (user == null ? "" : SharedElasticsearch.endpoint().password()),
                "--marquee.api.catalog.index-prefix=" + TestIndices.prefixFor(ServerLifecycleIntegrationTests.class) };
    }

    /** Notes the number at the end of each request's {@code q} as the server receives it, until the shutdown begins; delays each. */
    private record ReceivedRequests(Set<String> received, AtomicBoolean shuttingDown) implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String q = exchange.getRequest().getQueryParams().getFirst("q");
            if (q != null && !shuttingDown.get()) {
                received.add(q.substring(q.lastIndexOf(' ') + 1));
            }
            // Every worker has a request under way (before its Elasticsearch call) when the context starts to close.
            return Mono.delay(Duration.ofMillis(200)).then(chain.filter(exchange));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
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
