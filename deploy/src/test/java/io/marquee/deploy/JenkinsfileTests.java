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
        assertThat(stages).containsExactly("Build and unit tests", "Integration tests", "Images", "Chart", "Terraform plan", "Staging",
                "Smoke tests: staging", "Approval", "Production");
        assertThat(pipeline).contains("make test", "jib:build", "helm lint --strict", "terraform plan", "input message:");
        // Every Helm deploy is atomic, and a failed smoke test rolls the region back before the next one is touched.
        Matcher upgrades = Pattern.compile("helm upgrade --install[^\\n]*\\n[^\\n]*").matcher(pipeline);
        List<String> deploys = upgrades.results().map(m -> m.group()).toList();
        assertThat(deploys).hasSize(2).allMatch(deploy -> deploy.contains("--atomic"));
        assertThat(pipeline).contains("deployRegion('us-east-1')\n                deployRegion('eu-west-1')");
        assertThat(pipeline.substring(pipeline.indexOf("void deployRegion"))).contains("smoke-test.sh", "rollback()", "throw err");
        assertThat(Files.isExecutable(Path.of("smoke-test.sh"))).isTrue();
    }
}
