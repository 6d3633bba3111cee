package io.marquee.api.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.schema.SchemaTemplates;
import io.marquee.api.ApiTestSupport;
import io.marquee.indexer.ingest.LocalMovieFiles;
import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import io.marquee.localservers.elasticsearch.ElasticsearchHttp;
import io.marquee.localservers.elasticsearch.LocalElasticsearch;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Elasticsearch with x-pack security on, as in production: TLS on HTTP with certificates made for the test by the
 * distribution's certutil, and least-privilege users and roles in the file realm, as ECK sets them from Secrets (this
 * distribution cannot create the security index the security API's roles live in: its mapping needs an analyzer of a
 * module it lacks). The indexer's user loads the
 * catalogue (it may manage and write the movie and audit indices, nothing else); the API, with its read-only user and
 * the cluster's CA, serves it; the API's credentials can neither write nor delete, nor read an index except through the
 * read alias; a client without the CA is refused, plain HTTP gets nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecuredClusterIntegrationTests {

    private static final String PREFIX = TestIndices.prefixFor(SecuredClusterIntegrationTests.class);
    private static final String API_PASSWORD = "api-" + UUID.randomUUID();
    private static final String INDEXER_PASSWORD = "indexer-" + UUID.randomUUID();
    // The roles production gets (the chart puts the same file in ECK's roles Secret), under this test's prefix.
    private static final String ROLES = SchemaTemplates.roles().replace("\"movies", "\"" + PREFIX + "movies");
    private static final LocalElasticsearch ELASTICSEARCH = LocalElasticsearch.start(LocalElasticsearch.Options.singleNode()
            .withHeap("512m").withSecurity(ROLES, List.of(new LocalElasticsearch.FileUser("marquee-api", API_PASSWORD, List.of("marquee_api")),
                    new LocalElasticsearch.FileUser("marquee-indexer", INDEXER_PASSWORD, List.of("marquee_indexer")))));

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.load(indexer(), SecuredClusterIntegrationTests.class, LocalMovieFiles.at(ApiTestSupport.SAMPLE));

        registry.add("spring.elasticsearch.uris", () -> ELASTICSEARCH.endpoint().urisAsString());
        registry.add("spring.elasticsearch.username", () -> "marquee-api");
        registry.add("spring.elasticsearch.password", () -> API_PASSWORD);
        registry.add("spring.ssl.bundle.pem.elasticsearch.truststore.certificate", () -> "file:" + ELASTICSEARCH.endpoint().caCertificate());
        registry.add("spring.elasticsearch.restclient.ssl.bundle", () -> "elasticsearch");
        registry.add("marquee.api.catalog.index-prefix", () -> PREFIX);
    }

    @AfterAll
    static void stop() {
        ELASTICSEARCH.close();
    }

    private final WebTestClient http;

    SecuredClusterIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void theApiServesTheCatalogueOverTlsWithItsReadOnlyUser() {
        http.get().uri("/movies/year/1995").exchange().expectStatus().isOk().expectHeader().exists("X-Total-Count");
        http.get().uri("/v1/movies?q=heat").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void theApisCredentialsCanNeitherWriteNorDeleteNorReadPastTheAlias() {
        ElasticsearchHttp api = new ElasticsearchHttp(ELASTICSEARCH.endpoint().as("marquee-api", API_PASSWORD));

        assertThat(api.get("/" + PREFIX + "movies/_search?q=heat").status()).isEqualTo(200);
        assertThat(api.put("/" + PREFIX + "movies-write/_doc/forged", "{\"title\": \"Forged\", \"year\": 2000}").status()).isEqualTo(403);
        assertThat(api.post("/" + PREFIX + "movies/_doc", "{\"title\": \"Forged\", \"year\": 2000}").status()).isEqualTo(403);
        assertThat(api.delete("/" + PREFIX + "movies-write/_doc/heat-1995-00000000").status()).isEqualTo(403);
        assertThat(api.send("POST", "/_bulk", "{\"delete\": {\"_index\": \"" + PREFIX + "movies-write\", \"_id\": \"x\"}}\n",
                "application/x-ndjson").body()).contains("\"status\":403");
        assertThat(api.delete("/" + PREFIX + "movies-v1").status()).isEqualTo(403);
        assertThat(api.get("/" + PREFIX + "movies-v1/_search").status()).as("a concrete index, not the alias").isEqualTo(403);
        assertThat(api.get("/_security/user").status()).isEqualTo(403);
    }

    @Test
    void theIndexersCredentialsReachOnlyTheMovieIndices() {
        ElasticsearchHttp indexer = new ElasticsearchHttp(indexer());

        assertThat(indexer.put("/" + PREFIX + "movies-write/_doc/written?refresh=true", "{\"title\": \"Written\", \"year\": 2000}").status())
                .isBetween(200, 201);
        assertThat(indexer.put("/elsewhere/_doc/1", "{\"title\": \"Elsewhere\"}").status()).isEqualTo(403);
        assertThat(indexer.get("/_security/user").status()).isEqualTo(403);
    }

    @Test
    void refusesWrongPasswordsClientsWithoutTheCaAndPlainHttp() {
        assertThat(new ElasticsearchHttp(ELASTICSEARCH.endpoint().as("marquee-api", "wrong")).get("/" + PREFIX + "movies/_search").status())
                .isEqualTo(401);
        URI https = ELASTICSEARCH.endpoint().uri();
        HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> stranger.send(HttpRequest.newBuilder(https.resolve("/")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        URI plain = URI.create("http://" + https.getHost() + ":" + https.getPort() + "/");
        assertThatThrownBy(() -> stranger.send(HttpRequest.newBuilder(plain).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    private static ElasticsearchEndpoint indexer() {
        return ELASTICSEARCH.endpoint().as("marquee-indexer", INDEXER_PASSWORD);
    }

}
