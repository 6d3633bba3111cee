package io.marquee.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart, linted and rendered by real Helm for the default values and every environment, and the rendered
 * objects held to what a zero-downtime, least-privilege deployment needs.
 */
class HelmChartTests {

    static Stream<String> environments() {
        return Chart.ENVIRONMENTS.stream();
    }

    @Test
    void lintsWithoutWarnings() {
        LintResult result = Chart.lint();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @ParameterizedTest
    @MethodSource("environments")
    void runsAtLeastThreeApiPodsSpreadOverZonesAndRollsWithoutLosingOne(String environment) {
        Chart.Rendered rendered = Chart.render(environment);
        JsonNode api = rendered.one("Deployment", "marquee-api");
        JsonNode hpa = rendered.one("HorizontalPodAutoscaler", "marquee-api");
        assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(api.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asInt()).isZero();
        JsonNode pod = api.path("spec").path("template").path("spec");
        assertThat(pod.path("topologySpreadConstraints").findValuesAsText("topologyKey")).contains("topology.kubernetes.io/zone");
        JsonNode pdb = rendered.one("PodDisruptionBudget", "marquee-api");
        assertThat(pdb.path("spec").path("minAvailable").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(pdb.path("spec").path("selector")).isEqualTo(api.path("spec").path("selector"));
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.path("startupProbe").isMissingNode()).isFalse();
        assertThat(container.path("lifecycle").path("preStop").path("exec").path("command").get(0).asText()).isEqualTo("sleep");
        // The preStop pause and Spring's drain must both fit in the grace period.
        int preStop = container.path("lifecycle").path("preStop").path("exec").path("command").get(1).asInt();
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThan(preStop + 30);
    }

    @ParameterizedTest
    @MethodSource("environments")
    void runsEveryContainerUnprivilegedWithLimitsAndPinnedImages(String environment) {
        // Every pod the chart can run: the two Deployments, the reindex CronJob and Job, the bootstrap Job.
        Chart.Rendered rendered = Chart.render(Optional.of(environment), Map.of("reindex.run", true, "bootstrap.asHook", false));
        List<JsonNode> pods = rendered.podSpecs();
        assertThat(pods).hasSize(5);
        for (JsonNode pod : pods) {
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("runAsNonRoot").asBoolean()).as(container.path("name").asText()).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(security.path("capabilities").path("drop").toString()).contains("ALL");
                assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
                assertThat(container.path("resources").path("requests").path("cpu").asText()).isNotEmpty();
                String image = container.path("image").asText();
                assertThat(image).matches("[a-z0-9.-]+\\.amazonaws\\.com/marquee/(api|indexer):[0-9][\\w.-]*").doesNotEndWith(":latest");
            }
        }
    }

    @Test
    void shipsTheAlertsAndTheDashboardWhereverPrometheusScrapes() throws IOException {
        Chart.Rendered prod = Chart.render("values-prod-us-east-1.yaml");
        JsonNode rules = prod.one("PrometheusRule", "marquee-slo");
        JsonNode file = new ObjectMapper(new YAMLFactory())
                .readTree(Chart.DIRECTORY.resolve("files/alerts.rules.yaml").toFile());
        // Exactly the rules promtool tested (AlertRulesTests), templates such as {{ $value }} left for Prometheus.
        assertThat(rules.path("spec").path("groups")).isEqualTo(file.path("groups"));
        assertThat(rules.toString()).contains("{{ $value | humanizePercentage }}");
        JsonNode dashboard = prod.one("ConfigMap", "marquee-dashboard");
        assertThat(dashboard.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        JsonNode json = new ObjectMapper().readTree(dashboard.path("data").path("marquee.json").asText());
        assertThat(json.path("uid").asText()).isEqualTo("marquee-slo");
        assertThat(json.path("panels").size()).isGreaterThanOrEqualTo(10);
        assertThat(Chart.render("values-staging.yaml").ofKind("PrometheusRule")).as("staging without the Prometheus Operator")
                .hasSize(Chart.render("values-staging.yaml").ofKind("ServiceMonitor").size());
    }

    @Test
    void refusesToRenderTheLatestTag() {
        assertThatThrownBy(() -> Chart.render(Optional.of("values-staging.yaml"), Map.of("image.tag", "latest")))
                .hasMessageContaining("latest");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void admitsTrafficOnlyWhereItBelongs(String environment) {
        Chart.Rendered rendered = Chart.render(environment);
        JsonNode api = rendered.one("NetworkPolicy", "marquee-api");
        assertThat(api.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
        JsonNode ingress = rendered.one("Ingress", "marquee-api");
        assertThat(ingress.path("spec").path("tls").get(0).path("secretName").asText()).isNotEmpty();
        assertThat(ingress.path("spec").path("tls").get(0).path("hosts").get(0).asText())
                .isEqualTo(ingress.path("spec").path("rules").get(0).path("host").asText());
        JsonNode indexer = rendered.one("NetworkPolicy", "marquee-indexer");
        assertThat(indexer.path("spec").path("podSelector").path("matchLabels").path("marquee.io/uses").asText()).isEqualTo("indexer");
        // Every indexer pod is under the indexer's policy.
        for (JsonNode object : rendered.objects()) {
            JsonNode labels = switch (object.path("kind").asText()) {
                case "Job" -> object.path("spec").path("template").path("metadata").path("labels");
                case "CronJob" -> object.path("spec").path("jobTemplate").path("spec").path("template").path("metadata").path("labels");
                default -> null;
            };
            if (labels != null) {
                assertThat(labels.path("marquee.io/uses").asText()).as(object.path("metadata").path("name").asText()).isEqualTo("indexer");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void givesEachWorkloadItsOwnRoleAndCredentials(String environment) {
        Chart.Rendered rendered = Chart.render(environment);
        assertThat(rendered.one("ServiceAccount", "marquee-api").path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText())
                .endsWith("-api");
        assertThat(rendered.one("ServiceAccount", "marquee-indexer").path("metadata").path("annotations")
                .path("eks.amazonaws.com/role-arn").asText()).endsWith("-indexer");
        assertThat(env(rendered.one("Deployment", "marquee-api"), "ES_USERNAME").path("valueFrom").path("secretKeyRef").path("name").asText())
                .isEqualTo("marquee-es-api-user");
        assertThat(env(rendered.one("Deployment", "marquee-indexer"), "ES_USERNAME").path("valueFrom").path("secretKeyRef").path("name")
                .asText()).isEqualTo("marquee-es-indexer-user");
        assertThat(env(rendered.one("Deployment", "marquee-api"), "ES_URL").path("value").asText()).startsWith("https://");
        // No secret value is ever rendered into a manifest: credentials are references, and the one Secret the chart
        // writes holds the roles, which are not secret.
        for (JsonNode pod : rendered.podSpecs()) {
            for (JsonNode variable : pod.path("containers").get(0).path("env")) {
                if (variable.path("name").asText().matches(".*(PASSWORD|SECRET|KEY).*")) {
                    assertThat(variable.has("value")).as(variable.toString()).isFalse();
                }
            }
        }
        assertThat(rendered.ofKind("Secret")).extracting(secret -> secret.path("metadata").path("name").asText()).containsExactly("marquee-es-roles");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void runsThreeZonedElasticsearchNodesOnEncryptedVolumesWithTheSchemaRoles(String environment) throws IOException {
        Chart.Rendered rendered = Chart.render(environment);
        JsonNode es = rendered.one("Elasticsearch", "marquee");
        JsonNode spec = es.path("spec");
        assertThat(spec.path("version").asText()).startsWith("8.19.");
        JsonNode nodeSet = spec.path("nodeSets").get(0);
        assertThat(nodeSet.path("count").asInt()).isEqualTo(3);
        assertThat(nodeSet.path("config").path("node.roles").toString()).contains("master", "data");
        assertThat(nodeSet.path("config").path("cluster.routing.allocation.awareness.attributes").asText()).contains("zone");
        assertThat(es.path("metadata").path("annotations").path("eck.k8s.elastic.co/downward-node-labels").asText())
                .isEqualTo("topology.kubernetes.io/zone");
        assertThat(spec.path("updateStrategy").path("changeBudget").path("maxUnavailable").asInt()).isEqualTo(1);
        assertThat(spec.path("podDisruptionBudget").path("spec").path("minAvailable").asInt()).isEqualTo(2);
        // TLS stays on: nothing disables ECK's self-signed certificates.
        assertThat(spec.path("http").path("tls").path("selfSignedCertificate").path("disabled").asBoolean(false)).isFalse();
        String storageClass = nodeSet.path("volumeClaimTemplates").get(0).path("spec").path("storageClassName").asText();
        JsonNode encrypted = rendered.one("StorageClass", storageClass);
        assertThat(encrypted.path("parameters").path("encrypted").asText()).isEqualTo("true");
        assertThat(encrypted.path("reclaimPolicy").asText()).isEqualTo("Retain");

        List<String> secrets = new ArrayList<>(spec.path("auth").path("fileRealm").findValuesAsText("secretName"));
        assertThat(secrets).containsExactlyInAnyOrder("marquee-es-api-user", "marquee-es-indexer-user");
        String rolesSecret = spec.path("auth").path("roles").get(0).path("secretName").asText();
        String roles = rendered.one("Secret", rolesSecret).path("stringData").path("roles.yml").asText();
        assertThat(roles.strip()).isEqualTo(Files.readString(Path.of("../es-templates/src/main/resources/es-templates/security/roles.yml")).strip());
    }

    @Test
    void runsAReindexJobOnlyWhenAskedAndKeepsTheCronJobSuspended() {
        Chart.Rendered quiet = Chart.render("values-staging.yaml");
        assertThat(quiet.ofKind("Job")).isEmpty();
        assertThat(quiet.one("CronJob", "marquee-reindex").path("spec").path("suspend").asBoolean()).isTrue();

        Chart.Rendered asked = Chart.render(Optional.of("values-staging.yaml"), Map.of("reindex.run", true, "reindex.from", "index"));
        JsonNode job = asked.ofKind("Job").stream().filter(j -> j.path("metadata").path("name").asText().startsWith("marquee-reindex-"))
                .findFirst().orElseThrow();
        assertThat(job.path("spec").path("template").path("spec").path("containers").get(0).path("args").toString())
                .isEqualTo("[\"reindex\",\"--from\",\"index\",\"--flip\"]");
    }

    @Test
    void installsTheSchemaBeforeAnyWorkloadNeedsIt() throws IOException {
        // A hook is not part of the release's manifest (helm template and helm-java leave it out): rendered as a plain
        // Job to inspect it, and its hook annotations read from the template.
        JsonNode bootstrap = Chart.render(Optional.of("values-staging.yaml"), Map.of("bootstrap.asHook", false)).one("Job", "marquee-bootstrap");
        assertThat(bootstrap.path("spec").path("template").path("spec").path("containers").get(0).path("args").toString())
                .isEqualTo("[\"bootstrap\"]");
        assertThat(Files.readString(Chart.DIRECTORY.resolve("templates/bootstrap-job.yaml")))
                .contains("helm.sh/hook: post-install,pre-upgrade", "before-hook-creation");
    }

    @Test
    void scalesTheIndexerByQueueDepthInProduction() {
        Chart.Rendered prod = Chart.render("values-prod-eu-west-1.yaml");
        JsonNode scaled = prod.one("ScaledObject", "marquee-indexer");
        JsonNode trigger = scaled.path("spec").path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("aws-sqs-queue");
        assertThat(trigger.path("metadata").path("queueURL").asText()).contains("eu-west-1");
        assertThat(prod.one("Deployment", "marquee-indexer").path("spec").has("replicas")).as("KEDA owns the replica count").isFalse();
        assertThat(Chart.render("values-staging.yaml").ofKind("ScaledObject")).isEmpty();
    }

    @Test
    void servesTheSharedNameAndTheRegionsOwnNameOverTls() {
        JsonNode ingress = Chart.render("values-prod-eu-west-1.yaml").one("Ingress", "marquee-api");
        List<String> hosts = ingress.path("spec").path("rules").findValuesAsText("host");
        assertThat(hosts).containsExactly("api.marquee.example.com", "eu-west-1.api.marquee.example.com");
        assertThat(ingress.path("spec").path("tls").get(0).path("hosts").toString()).contains("api.marquee.example.com",
                "eu-west-1.api.marquee.example.com");
        assertThat(Chart.render("values-staging.yaml").one("Ingress", "marquee-api").path("spec").path("rules").findValuesAsText("host"))
                .containsExactly("api.staging.marquee.example.com");
    }

    @Test
    void boundsTheResponseCacheByBytesWithinTheApisHeap() {
        JsonNode api = Chart.render("values-prod-eu-west-1.yaml").one("Deployment", "marquee-api");
        long budget = 0;
        // The cached answers and the responses recorded from them for hits answered on the connection.
        for (String variable : new String[] {"MARQUEE_API_CACHE_MAXBYTES", "MARQUEE_API_HITS_MAXBYTES"}) {
            String size = env(api, variable).path("value").asText();
            assertThat(size).as(variable).matches("[0-9]+MB");
            budget += Long.parseLong(size.replace("MB", "")) << 20;
        }
        String memory = api.path("spec").path("template").path("spec").path("containers").get(0).path("resources").path("limits")
                .path("memory").asText();
        long limit = memory.endsWith("Gi") ? Long.parseLong(memory.replace("Gi", "")) << 30 : Long.parseLong(memory.replace("Mi", "")) << 20;
        // The heap is 75% of the pod's memory (MaxRAMPercentage); the cache may take at most a quarter of it.
        assertThat(budget).isPositive().isLessThanOrEqualTo(limit * 3 / 4 / 4);
    }

    @Test
    void limitsAnonymousSearchAndBelievesOnlyTheLoadBalancersForwarding() {
        JsonNode api = Chart.render("values-prod-eu-west-1.yaml").one("Deployment", "marquee-api");
        int rate = Integer.parseInt(env(api, "MARQUEE_ANONYMOUS_RATE").path("value").asText());
        int burst = Integer.parseInt(env(api, "MARQUEE_ANONYMOUS_BURST").path("value").asText());
        // The API's own default (1,000/s an address) is for a laptop; 24 pods multiply whatever a pod allows.
        assertThat(rate).isBetween(1, 50);
        assertThat(burst).isBetween(rate, 100);
        String trusted = env(api, "MARQUEE_TRUSTED_PROXIES").path("value").asText();
        assertThat(trusted).isNotBlank().doesNotContain("/16").isEqualTo("10.0.0.0/24,10.0.1.0/24,10.0.2.0/24");
    }

    @Test
    void tellsEveryWorkloadItsRegionForItsLogs() {
        Chart.Rendered prod = Chart.render("values-prod-eu-west-1.yaml");
        for (String workload : new String[] {"marquee-api", "marquee-indexer"}) {
            assertThat(env(prod.one("Deployment", workload), "MARQUEE_REGION").path("value").asText()).as(workload).isEqualTo("eu-west-1");
        }
    }

    private static JsonNode env(JsonNode deployment, String name) {
        for (JsonNode variable : deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("No " + name + " in " + deployment.path("metadata").path("name").asText());
    }
}
