package io.marquee.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every object the chart renders, for every environment and with every optional part switched on, checked against
 * its schema: Kubernetes' own and the add-ons' (npm kubernetes-models), and ECK's {@code Elasticsearch} against the
 * operator's CustomResourceDefinition ({@code ../shared/schemas/eck/}).
 */
class KubernetesSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ECK_CRD = Path.of("../../shared/schemas/eck/elasticsearch.k8s.elastic.co_elasticsearches.yaml");
    private static Path eckSchema;

    static Stream<String> environments() {
        return Chart.ENVIRONMENTS.stream();
    }

    @BeforeAll
    static void eckSchema() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ECK_CRD), "The ECK CRD is not at " + ECK_CRD.toAbsolutePath().normalize()
                + " (../shared/schemas/eck beside the repository)");
        JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(ECK_CRD.toFile());
        JsonNode v1 = null;
        for (JsonNode version : crd.path("spec").path("versions")) {
            if ("v1".equals(version.path("name").asText())) {
                v1 = version.path("schema").path("openAPIV3Schema");
            }
        }
        assertThat(v1).as("the CRD's v1 schema").isNotNull();
        Files.createDirectories(Path.of("target"));
        eckSchema = Path.of("target/eck-elasticsearch-v1-schema.json");
        JSON.writeValue(eckSchema.toFile(), v1);
    }

    @Test
    void refusesObjectsTheSchemasDoNotDescribe() throws IOException {
        // The check itself, on two broken copies: a misspelt field of the Elasticsearch resource (the API server's strict
        // field validation would refuse it), and a Deployment whose container has no name.
        ObjectNode es = (ObjectNode) Chart.render("values-staging.yaml").one("Elasticsearch", "marquee").deepCopy();
        ObjectNode nodeSet = (ObjectNode) es.path("spec").path("nodeSets").get(0);
        nodeSet.set("cuont", nodeSet.remove("count"));
        ObjectNode deployment = (ObjectNode) Chart.render("values-staging.yaml").one("Deployment", "marquee-api").deepCopy();
        ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0)).remove("name");
        Path objects = Path.of("target/broken.json");
        JSON.writeValue(objects.toFile(), List.of(es, deployment));

        NodeTools.Result result = NodeTools.script("validate-manifests.mjs", objects.toString(), eckSchema.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("invalid elasticsearch.k8s.elastic.co/v1 Elasticsearch/marquee", "additional properties")
                .contains("invalid apps/v1 Deployment/marquee-api", "name");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void rendersOnlyObjectsTheirSchemasAccept(String environment) throws IOException {
        Chart.Rendered rendered = Chart.render(Optional.of(environment), Map.of("reindex.run", true, "bootstrap.asHook", false,
                "indexer.keda.enabled", true, "api.serviceMonitor.enabled", true, "externalSecrets.enabled", true));
        Path objects = Path.of("target/rendered-" + environment.replace(".yaml", "") + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(objects.toFile(), rendered.objects());

        NodeTools.Result result = NodeTools.script("validate-manifests.mjs", objects.toString(), eckSchema.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<String> checked = result.output().lines().filter(line -> line.startsWith("ok ")).toList();
        assertThat(checked).hasSize(rendered.objects().size());
        assertThat(checked).anyMatch(line -> line.contains("Elasticsearch/marquee")).anyMatch(line -> line.contains("ScaledObject/"))
                .anyMatch(line -> line.contains("ServiceMonitor/")).anyMatch(line -> line.contains("ExternalSecret/"))
                .anyMatch(line -> line.contains("PrometheusRule/")).anyMatch(line -> line.contains("ConfigMap/marquee-dashboard"));
    }
}
