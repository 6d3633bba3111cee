package io.marquee.api.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's contract is docs/openapi.json: the document the API serves at {@code /v3/api-docs} may add to it, never
 * break it (openapi-diff: a removed path, operation or parameter, a changed type, a parameter turned required), and
 * every addition is committed: any difference at all fails until docs/openapi.json is updated, so a removed response
 * field, which openapi-diff 2.1.3 does not count as breaking, is still seen in review. The served document is written to target/openapi.json: after an
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

        ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(CONTRACT), served);

        assertThat(diff.isIncompatible()).as("breaking changes to docs/openapi.json: %s", breaking(diff)).isFalse();
        assertThat(diff.isUnchanged()).as("the API serves more than docs/openapi.json says (new: %s, changed: %s): copy "
                + "api/target/openapi.json over docs/openapi.json", endpoints(diff.getNewEndpoints()), changed(diff)).isTrue();
    }

    @Test
    void holdsTheOriginalMovieDataApiRoutes() throws IOException {
        JsonNode paths = JSON.readTree(CONTRACT.toFile()).path("paths");
        for (String route : List.of("/movies/year/{year}", "/movies/name/{name}", "/movies/castmember/{castmember}",
                "/movies/genre/{genre}")) {
            assertThat(paths.path(route).path("get").isMissingNode()).as(route).isFalse();
        }
    }

    @Test
    void callsRemovedPathsChangedTypesAndNewlyRequiredParametersBreaking() throws IOException {
        String contract = Files.readString(CONTRACT);
        ObjectNode removed = (ObjectNode) JSON.readTree(contract);
        ((ObjectNode) removed.path("paths")).remove("/movies/year/{year}");
        assertThat(OpenApiCompare.fromContents(contract, JSON.writeValueAsString(removed)).isIncompatible()).as("a path removed").isTrue();

        ObjectNode retyped = (ObjectNode) JSON.readTree(contract);
        ((ObjectNode) retyped.path("components").path("schemas").path("MovieView").path("properties").path("year")).put("type", "string")
                .remove("format");
        assertThat(OpenApiCompare.fromContents(contract, JSON.writeValueAsString(retyped)).isIncompatible()).as("a field's type changed").isTrue();

        ObjectNode required = (ObjectNode) JSON.readTree(contract);
        JsonNode optional = optionalParameter(required, "/v1/movies");
        ((ObjectNode) optional).put("required", true);
        assertThat(OpenApiCompare.fromContents(contract, JSON.writeValueAsString(required)).isIncompatible())
                .as("%s made required", optional.path("name").asText()).isTrue();

        ObjectNode added = (ObjectNode) JSON.readTree(contract);
        ((ObjectNode) added.path("paths")).set("/v1/new", added.path("paths").path("/movies/year/{year}").deepCopy());
        ChangedOpenApi addition = OpenApiCompare.fromContents(contract, JSON.writeValueAsString(added));
        assertThat(addition.isIncompatible()).as("an addition").isFalse();
        assertThat(addition.isUnchanged()).as("an addition is a change to commit").isFalse();
    }

    private String served() throws IOException {
        byte[] body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        ObjectNode document = (ObjectNode) JSON.readTree(body);
        // The server's address is the test's random port, not part of the contract.
        document.remove("servers");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    }

    private static JsonNode optionalParameter(JsonNode document, String path) {
        for (JsonNode parameter : document.path("paths").path(path).path("get").path("parameters")) {
            if (!parameter.path("required").asBoolean()) {
                return parameter;
            }
        }
        throw new AssertionError("no optional parameter on " + path);
    }

    private static List<String> breaking(ChangedOpenApi diff) {
        List<String> found = new ArrayList<>(endpoints(diff.getMissingEndpoints()));
        diff.getChangedOperations().stream().filter(operation -> operation.isIncompatible())
                .forEach(operation -> found.add(operation.getHttpMethod() + " " + operation.getPathUrl()));
        return found;
    }

    private static List<String> changed(ChangedOpenApi diff) {
        return diff.getChangedOperations().stream().map(operation -> operation.getHttpMethod() + " " + operation.getPathUrl()).toList();
    }

    private static List<String> endpoints(List<org.openapitools.openapidiff.core.model.Endpoint> endpoints) {
        return endpoints.stream().map(endpoint -> endpoint.getMethod() + " " + endpoint.getPathUrl()).toList();
    }
}
