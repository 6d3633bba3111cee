package io.marquee.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery pipeline: linted by npm-groovy-lint (CodeNarc), and its stages in the order delivery needs them. */
class JenkinsfileTests {

    private static final Path JENKINSFILE = Path.of("../Jenkinsfile").toAbsolutePath().normalize();

    @Test
    void lintsWithoutWarnings() {
        NodeTools.Result result = NodeTools.bin("npm-groovy-lint", "--failon", "warning", "--output", "txt", "--no-insight", JENKINSFILE.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("'Warning' │ 0", "'Error'   │ 0");
    }

    @Test
    void buildsTestsPublishesThenDeploysStagingBeforeProductionRegionByRegion() throws IOException {
        String pipeline = Files.readString(JENKINSFILE);
        List<String> stages = Pattern.compile("stage\\('([^']+)'\\)").matcher(pipeline).results().map(m -> m.group(1)).toList();
        assertThat(stages).containsExactly("Build and unit tests", "Integration tests", "Contract", "Alert rules", "Images", "Chart",
                "Terraform plan", "Infrastructure: staging", "Staging", "Smoke tests: staging", "Approval", "Infrastructure: production",
                "Production");
        assertThat(pipeline).contains("make test", "jib:build", "helm lint --strict", "terraform plan", "input message:",
                "promtool test rules charts/marquee/files/alerts.test.yaml", "-Dtest=ApiContractIntegrationTests");
        // Infrastructure is applied in its own stage, before the application of the same environment.
        assertThat(stageBody(pipeline, "Infrastructure: staging")).contains("terraform apply -input=false staging.tfplan");
        assertThat(stageBody(pipeline, "Infrastructure: production")).contains("terraform apply -input=false prod.tfplan");
        assertThat(stageBody(pipeline, "Staging")).doesNotContain("terraform");
        // Smoke tests directly and through CloudFront, in staging and after each production region.
        assertThat(stageBody(pipeline, "Smoke tests: staging")).contains("https://us-east-1.api.staging.marquee.example.com",
                "https://api.staging.marquee.example.com'");
        assertThat(pipeline.substring(pipeline.indexOf("void deployRegion"))).contains("https://${region}.api.marquee.example.com",
                "https://api.marquee.example.com'");
        // Every Helm deploy is atomic, and a failed smoke test rolls the region back before the next one is touched.
        Matcher upgrades = Pattern.compile("helm upgrade --install[^\\n]*\\n[^\\n]*").matcher(pipeline);
        List<String> deploys = upgrades.results().map(m -> m.group()).toList();
        assertThat(deploys).hasSize(2).allMatch(deploy -> deploy.contains("--atomic"));
        assertThat(pipeline).contains("deployRegion('us-east-1')\n                deployRegion('eu-west-1')");
        assertThat(pipeline.substring(pipeline.indexOf("void deployRegion"))).contains("smoke-test.sh", "rollback()", "throw err");
        assertThat(Files.isExecutable(Path.of("smoke-test.sh"))).isTrue();
    }

    private static String stageBody(String pipeline, String name) {
        int start = pipeline.indexOf("stage('" + name + "')");
        assertThat(start).as(name).isNotNegative();
        int next = pipeline.indexOf("stage('", start + 1);
        return pipeline.substring(start, next < 0 ? pipeline.length() : next);
    }
}
