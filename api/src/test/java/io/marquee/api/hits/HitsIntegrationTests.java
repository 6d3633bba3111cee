package io.marquee.api.hits;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.marquee.api.ApiTestSupport;
import io.marquee.api.cache.ResponseCache;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cache hits answered on the connection, through real sockets: each is the response the whole stack gives the same
 * request (a request with a header the handler does not know goes through the stack, and is compared), access and
 * limits are decided for every one, none outlives its cached answer, and the connection's order and closing hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "marquee.api.access.anonymous.rate=1", "marquee.api.access.anonymous.burst=3"})
@AutoConfigureObservability
@ElasticsearchTest
class HitsIntegrationTests {

    private static final String JSON = "Accept: application/json";
    /** A header nothing reads, but which the handler does not know: the request goes through the whole stack. */
    private static final String THROUGH_THE_STACK = "X-Marquee-Test: through the stack";
    private static final AtomicInteger SOURCES = new AtomicInteger();

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, HitsIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(HitsIntegrationTests.class);
    }

    private final int port;
    private final Hits hits;
    private final ResponseCache cache;
    private final MeterRegistry registry;

    HitsIntegrationTests(@LocalServerPort int port, Hits hits, ResponseCache cache, MeterRegistry registry) {
        this.port = port;
        this.hits = hits;
        this.cache = cache;
        this.registry = registry;
    }

    @Test
    void answersARepeatedRequestAsTheWholeStackDoes() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            String id = http.exchange(RawHttp.get("/v1/movies?q=carmen&size=1", JSON, newSource())).body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            List<String> targets = List.of("/v1/movies?q=carmen", "/v1/movies?genre=Drama&size=5&facets=genres,decade&sort=-year",
                    "/v1/movies?title=Carmne&highlight=true", "/v1/movies/" + id, "/v1/suggest?q=car", "/movies/name/Carmen", "/movies/year/1915",
                    "/movies/genre/comedy?limit=3", "/movies/castmember/Geraldine%20Farrar");
            for (String target : targets) {
                RawHttp.Response first = http.exchange(RawHttp.get(target, JSON, newSource()));
                assertThat(first.status()).as(target).isEqualTo(200);

                long answered = hits.answeredCount();
                RawHttp.Response repeated = http.exchange(RawHttp.get(target, JSON, newSource()));
                assertThat(hits.answeredCount()).as("%s answered on the connection", target).isEqualTo(answered + 1);
                RawHttp.Response stack = http.exchange(RawHttp.get(target, JSON, newSource(), THROUGH_THE_STACK));
                assertThat(hits.answeredCount()).as("%s with a header the handler does not know", target).isEqualTo(answered + 1);

                assertThat(repeated.status()).as(target).isEqualTo(stack.status());
                assertThat(repeated.lasting()).as(target).isEqualTo(stack.lasting());
                assertThat(repeated.body()).as(target).isEqualTo(stack.body());
                assertThat(repeated.header(ResponseCache.X_CACHE)).isEqualTo("hit");
                assertThat(repeated.header("X-Request-Id")).matches("[0-9a-f]{16}").isNotEqualTo(stack.header("X-Request-Id"));
            }
        }
    }

    @Test
    void decidesAccessForEveryRequestItAnswers() throws IOException {
        String target = "/v1/movies?q=goose";
        try (RawHttp http = new RawHttp(port)) {
            String key = "X-Api-Key: " + ApiTestSupport.SEARCH_KEY;
            assertThat(http.exchange(RawHttp.get(target, key)).status()).isEqualTo(200);
            // Both the stack and the handler record a request's metric once its response is on its way: wait for it.
            Timer searches = eventually(() -> registry.find("http.server.requests").tag("client", "test-search").tag("uri", "/v1/movies")
                    .tag("status", "200").timer(), found -> found != null);
            long counted = searches.count();
            long answered = hits.answeredCount();

            RawHttp.Response again = http.exchange(RawHttp.get(target, key, "X-Request-Id: trace-7"));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.header("X-Request-Id")).as("the caller's own id, as the stack keeps it").isEqualTo("trace-7");
            assertThat(again.header("RateLimit-Limit")).as("the key's own limit").isEqualTo("200");
            assertThat(hits.answeredCount()).isEqualTo(answered + 1);
            assertThat(eventually(searches::count, count -> count > counted)).as("the request's metric, as the stack records it")
                    .isEqualTo(counted + 1);

            assertThat(http.exchange(RawHttp.get(target, "X-Api-Key: not-a-key")).status()).isEqualTo(401);
            assertThat(http.exchange(RawHttp.get(target, "Authorization: Bearer something")).status()).isEqualTo(401);
            assertThat(http.exchange(RawHttp.get(target, "X-Api-Key: " + ApiTestSupport.WRITER_KEY)).status()).isEqualTo(403);
            assertThat(hits.answeredCount()).as("refusals are the stack's").isEqualTo(answered + 1);
            assertThat(http.exchange(RawHttp.get(target, newSource())).status()).as("anonymous search is on").isEqualTo(200);
            assertThat(hits.answeredCount()).isEqualTo(answered + 2);
        }
    }

    @Test
    void takesATokenForEveryRequestItAnswers() throws IOException {
        String source = newSource();
        try (RawHttp http = new RawHttp(port)) {
            List<String> remaining = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RawHttp.Response response = http.exchange(RawHttp.get("/movies/year/1916", source));
                assertThat(response.status()).isEqualTo(200);
                remaining.add(response.header("RateLimit-Remaining"));
            }
            assertThat(remaining).containsExactly("2", "1", "0");
            RawHttp.Response limited = http.exchange(RawHttp.get("/movies/year/1916", source));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("1");
        }
    }

    @Test
    void neverOutlivesTheCachedAnswer() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.exchange(RawHttp.get("/movies/year/1917", newSource()));
            assertThat(http.exchange(RawHttp.get("/movies/year/1917", newSource())).header(ResponseCache.X_CACHE)).isEqualTo("hit");
            long answered = hits.answeredCount();

            cache.clear();

            assertThat(http.exchange(RawHttp.get("/movies/year/1917", newSource())).header(ResponseCache.X_CACHE)).isEqualTo("miss");
            assertThat(hits.answeredCount()).isEqualTo(answered);
        }
    }

    @Test
    void keepsResponsesInTheirRequestsOrderOnAPipelinedConnection() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            String source = "X-Forwarded-For: 198.51.100.250";
            http.exchange(RawHttp.get("/movies/year/1918", source));
            http.exchange(RawHttp.get("/movies/year/1918", source));
            http.send(RawHttp.get("/movies/year/1918", newSource()), RawHttp.get("/movies/year/1919", newSource()),
                    RawHttp.get("/movies/year/1918", newSource()), RawHttp.get("/v1/movies?q=pipelined", newSource()),
                    RawHttp.get("/movies/year/1918", newSource()));
            List<String> years = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RawHttp.Response response = http.read();
                assertThat(response.status()).isEqualTo(200);
                years.add(response.body().startsWith("[") ? response.body().replaceAll("^.*?\"year\":(\\d+).*$", "$1") : "search");
            }
            assertThat(years).containsExactly("1918", "1919", "1918", "search", "1918");
        }
    }

    @Test
    void closesTheConnectionWhenAsked() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.exchange(RawHttp.get("/movies/year/1920", newSource()));
            long answered = hits.answeredCount();
            RawHttp.Response last = http.exchange(RawHttp.get("/movies/year/1920", newSource(), "Connection: close"));
            assertThat(last.status()).isEqualTo(200);
            assertThat(hits.answeredCount()).isEqualTo(answered + 1);
            assertThat(last.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void leavesConditionalRequestsAndRepeatedHeadersToTheStack() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            String etag = http.exchange(RawHttp.get("/movies/year/1921", newSource())).header("ETag");
            long answered = hits.answeredCount();

            assertThat(http.exchange(RawHttp.get("/movies/year/1921", newSource(), "If-None-Match: " + etag)).status()).isEqualTo(304);
            assertThat(http.exchange(RawHttp.get("/movies/year/1921", newSource(), JSON, "Accept: application/xml")).status()).isIn(200, 406);
            assertThat(hits.answeredCount()).isEqualTo(answered);
        }
    }

    private static <T> T eventually(java.util.function.Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        T now = value.get();
        while (!done.test(now) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            now = value.get();
        }
        return now;
    }

    /** A source address of its own, through the trusted loopback proxy: the anonymous limit is not what most tests are about. */
    private static String newSource() {
        int n = SOURCES.incrementAndGet();
        return "X-Forwarded-For: 198.51." + (n / 250) + "." + (n % 250 + 1);
    }
}
