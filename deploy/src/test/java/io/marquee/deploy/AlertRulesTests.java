package io.marquee.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's SLO alerts (files/alerts.rules.yaml) as Prometheus itself reads them: {@code promtool check rules}, and
 * {@code promtool test rules} with files/alerts.test.yaml, where every alert fires on synthetic series that break it
 * and stays silent on healthy ones. That every metric they read is really exported is LocalStackIntegrationTests'.
 */
class AlertRulesTests {

    private static final Path FILES = Path.of("../charts/marquee/files").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @BeforeAll
    static void promtool() {
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool"))),
                "no promtool here (apt-get install prometheus): the rules are checked where it exists (.ci/run installs it)");
    }

    @Test
    void areRulesPrometheusAccepts() {
        NodeTools.Result result = NodeTools.run(List.of("promtool", "check", "rules", FILES.resolve("alerts.rules.yaml").toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void fireOnBrokenSeriesAndStaySilentOnHealthyOnes() {
        NodeTools.Result result = NodeTools.run(List.of("promtool", "test", "rules", FILES.resolve("alerts.test.yaml").toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void eachHaveAUnitTestWhereTheyFireAndOneWhereTheyStaySilent() throws Exception {
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : YAML.readTree(FILES.resolve("alerts.rules.yaml").toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(rule.path("alert").asText());
                    assertThat(rule.path("annotations").path("runbook_url").asText()).as(rule.path("alert").asText())
                            .startsWith("https://github.com/marquee/marquee/blob/main/docs/runbooks/");
                    assertThat(rule.path("labels").path("severity").asText()).isIn("page", "ticket");
                }
            }
        }
        List<String> firing = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (JsonNode test : YAML.readTree(FILES.resolve("alerts.test.yaml").toFile()).path("tests")) {
            for (JsonNode expectation : test.path("alert_rule_test")) {
                (expectation.path("exp_alerts").isEmpty() ? silent : firing).add(expectation.path("alertname").asText());
            }
        }
        assertThat(firing).containsAll(alerts);
        assertThat(silent).containsAll(alerts);
    }

    @Test
    void linkRunbooksThatExist() throws Exception {
        for (JsonNode group : YAML.readTree(FILES.resolve("alerts.rules.yaml").toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String url = rule.path("annotations").path("runbook_url").asText();
                if (!url.isEmpty()) {
                    String path = url.replace("https://github.com/marquee/marquee/blob/main/", "");
                    String file = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
                    Path runbook = Path.of("..").resolve(file);
                    assertThat(runbook).as(url).isRegularFile();
                    if (path.contains("#")) {
                        String anchor = path.substring(path.indexOf('#') + 1);
                        assertThat(Files.readAllLines(runbook)).as(url).anyMatch(line -> line.startsWith("#")
                                && line.replaceFirst("^#+ ", "").toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-').equals(anchor));
                    }
                }
            }
        }
    }
}
