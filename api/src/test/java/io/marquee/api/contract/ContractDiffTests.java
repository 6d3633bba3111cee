package io.marquee.api.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract check itself, on copies of docs/openapi.json broken or extended one way each. */
class ContractDiffTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String contract;

    ContractDiffTests() throws IOException {
        this.contract = Files.readString(Path.of("../docs/openapi.json"));
    }

    @Test
    void findsNothingBetweenTheContractAndItself() {
        assertThat(ContractDiff.of(contract, contract).unchanged()).isTrue();
    }

    @Test
    void callsARemovedPathBreaking() throws IOException {
        ObjectNode document = copy();
        ((ObjectNode) document.path("paths")).remove("/movies/year/{year}");

        assertThat(ContractDiff.of(contract, write(document)).breaking()).containsExactly("removed: GET /movies/year/{year}");
    }

    @Test
    void callsARemovedResponseFieldBreaking() throws IOException {
        ObjectNode document = copy();
        ((ObjectNode) document.path("components").path("schemas").path("MovieView").path("properties")).remove("title");

        // openapi-diff compares a shared schema once: the removal is named where MovieView is first met.
        assertThat(ContractDiff.of(contract, write(document)).breaking()).contains("response field removed: GET /v1/movies/{id} 200 title");
    }

    @Test
    void callsAChangedTypeBreaking() throws IOException {
        ObjectNode document = copy();
        ((ObjectNode) document.path("components").path("schemas").path("MovieView").path("properties").path("year")).put("type", "string")
                .remove("format");

        assertThat(ContractDiff.of(contract, write(document)).breaking()).contains("changed incompatibly: GET /v1/movies/{id}");
    }

    @Test
    void callsAParameterTurnedRequiredBreaking() throws IOException {
        ObjectNode document = copy();
        JsonNode optional = null;
        for (JsonNode parameter : document.path("paths").path("/v1/movies").path("get").path("parameters")) {
            if (optional == null && !parameter.path("required").asBoolean()) {
                optional = parameter;
            }
        }
        assertThat(optional).as("an optional parameter of /v1/movies").isNotNull();
        ((ObjectNode) optional).put("required", true);

        assertThat(ContractDiff.of(contract, write(document)).breaking()).contains("changed incompatibly: GET /v1/movies");
    }

    @Test
    void callsAnAdditionACompatibleChangeToCommit() throws IOException {
        ObjectNode document = copy();
        ((ObjectNode) document.path("paths")).set("/v1/new", document.path("paths").path("/movies/year/{year}").deepCopy());

        ContractDiff diff = ContractDiff.of(contract, write(document));

        assertThat(diff.breaking()).isEmpty();
        assertThat(diff.changes()).containsExactly("new: GET /v1/new");
    }

    private ObjectNode copy() throws IOException {
        return (ObjectNode) JSON.readTree(contract);
    }

    private static String write(JsonNode document) throws IOException {
        return JSON.writeValueAsString(document);
    }
}
