package io.marquee.api.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.context.ConfigurableApplicationContext;

import io.marquee.api.ApiApplication;
import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.SharedElasticsearch;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile input on every query parameter and path variable, against the real server and Elasticsearch: no
 * answer is a 5xx, none carries Elasticsearch's own error text, and each comes within a bound. The inputs mix plain
 * words with JSON and query-DSL fragments, control characters, every Unicode plane, very long strings, numbers out
 * of every range, and raw percent-escapes that are not UTF-8.
 */
class RequestFuzzingIntegrationTests {

    private static final List<String> SEARCH_PARAMETERS = List.of("q", "title", "cast", "genre", "year", "yearFrom", "yearTo", "fuzzy",
            "sort", "page", "size", "facets", "highlight");
    private static final List<String> PATHS = List.of("/v1/movies/", "/movies/year/", "/movies/name/", "/movies/castmember/",
            "/movies/genre/", "/v1/movies/%s/history");
    private static final List<String> ELASTICSEARCH_TEXT = List.of("elasticsearch", "exception", "query_shard", "search_phase",
            "parse_exception", "caused_by", "root_cause", "co.elastic", "stack");
    private static final Duration BOUND = Duration.ofSeconds(3);

    private static ConfigurableApplicationContext api;
    private static int port;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeContainer
    static void start() {
        ApiTestSupport.loadSample(RequestFuzzingIntegrationTests.class);
        api = ApiApplication.start("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.elasticsearch.uris=" + SharedElasticsearch.endpoint().urisAsString(),
                "--marquee.api.catalog.index-prefix=" + TestIndices.prefixFor(RequestFuzzingIntegrationTests.class));
        port = Integer.parseInt(api.getEnvironment().getProperty("local.server.port"));
    }

    @AfterContainer
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Property(tries = 400)
    void searchParametersNeverBreakTheServer(@ForAll("parameter") String name, @ForAll("hostile") String value,
            @ForAll("parameter") String other, @ForAll("hostile") String otherValue) {
        assertHandled("/v1/movies?" + name + "=" + value + "&" + other + "=" + otherValue);
    }

    @Property(tries = 300)
    void suggestParametersNeverBreakTheServer(@ForAll("hostile") String q, @ForAll("hostile") String size) {
        assertHandled("/v1/suggest?q=" + q + "&size=" + size);
    }

    @Property(tries = 400)
    void pathVariablesNeverBreakTheServer(@ForAll("path") String path, @ForAll("hostile") String value, @ForAll("hostile") String limit) {
        String target = path.contains("%s") ? path.formatted(value) : path + value;
        assertHandled(target + "?limit=" + limit);
    }

    @Provide
    Arbitrary<String> parameter() {
        return Arbitraries.of(SEARCH_PARAMETERS);
    }

    @Provide
    Arbitrary<String> path() {
        return Arbitraries.of(PATHS);
    }

    /** A value as it goes on the wire: percent-encoded text, or raw escapes of arbitrary bytes (often not UTF-8). */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().withChars("{}[]\":,\\*?~^()!&|<>/=+-'").ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("\"}},{\"match_all\":{}}", "{\"query\":{\"script\":{\"source\":\"1\"}}}", "*:*", "title:heat OR 1=1",
                        "heat\" OR \"\"=\"", "../../_cluster/settings", "<script>alert(1)</script>", "%00", "null", "NaN", "-1",
                        "2147483648", "99999999999999999999", "1e309", "0x7f", "true", "ﬁ", "𝕳𝖊𝖆𝖙", "\uFEFFheat", "h\u0301eat"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(90).ofMaxLength(600))
                .map(value -> URLEncoder.encode(value, StandardCharsets.UTF_8));
        Arbitrary<String> rawBytes = Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(8)
                .map(bytes -> bytes.stream().map(b -> String.format(Locale.ROOT, "%%%02X", b & 0xff)).reduce("", String::concat));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, text), net.jqwik.api.Tuple.of(1, rawBytes));
    }

    private static void assertHandled(String target) {
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + port + target);
        }
        catch (IllegalArgumentException ex) {
            // Not a request any client could send (the generated text is not a valid URI once escaped).
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-Api-Key", ApiTestSupport.ADMIN_KEY).timeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError("No answer to " + target + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.statusCode()).as("status of %s", target).isLessThan(500);
        String body = response.body().toLowerCase(Locale.ROOT);
        if (response.statusCode() >= 400) {
            ELASTICSEARCH_TEXT.forEach(text -> assertThat(body).as("problem for %s", target).doesNotContain(text));
        }
        assertThat(took).as("time to answer %s", target).isLessThan(BOUND);
    }
}
