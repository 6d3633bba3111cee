package io.marquee.api.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's contract is docs/openapi.json: the document the API serves at {@code /v3/api-docs} may add to it, never
 * break it ({@link ContractDiff}: a removed path, response or response field, a changed type, a parameter turned
 * required), and every addition is committed. The served document is written to api/target/openapi.json: after an
 * intended addition, copy it over docs/openapi.json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class ApiContractIntegrationTests {

    private static final Path CONTRACT = Path.of("../docs/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, ApiContractIntegrationTests.class);
    }

    private final WebTestClient http;

    ApiContractIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void servesTheCommittedContractWithNothingBrokenAndNothingUncommitted() throws IOException {
        String served = served();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), served);

        ContractDiff diff = ContractDiff.of(Files.readString(CONTRACT), served);

        assertThat(diff.breaking()).as("breaking changes to docs/openapi.json").isEmpty();
        assertThat(diff.changes()).as("the API serves more than docs/openapi.json says: copy api/target/openapi.json over it").isEmpty();
    }

    @Test
    void holdsTheOriginalMovieDataApiRoutes() throws IOException {
        JsonNode paths = JSON.readTree(CONTRACT.toFile()).path("paths");
        for (String route : List.of("/movies/year/{year}", "/movies/name/{name}", "/movies/castmember/{castmember}", "/movies/genre/{genre}")) {
            assertThat(paths.path(route).path("get").isMissingNode()).as(route).isFalse();
        }
    }

    private String served() throws IOException {
        byte[] body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        ObjectNode document = (ObjectNode) JSON.readTree(body);
        // The server's address is the test's random port, not part of the contract.
        document.remove("servers");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }
}
