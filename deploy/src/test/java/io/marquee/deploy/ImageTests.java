package io.marquee.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images Jib builds for the API and the indexer, read from the tarballs the build writes with
 * {@code -Poffline-images} (make test): who they run as, what they run, what they expose. No registry is reachable
 * here, so those tarballs sit on an empty base; what is checked is the configuration this project gives them, which
 * the pipeline's images on Temurin's JRE share.
 */
class ImageTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"api, io.marquee.api.ApiApplication, 8080", "indexer, io.marquee.indexer.IndexerApplication, 8081"})
    void runsTheApplicationAsANonRootUserWithContainerAwareMemory(String module, String mainClass, String port) throws IOException {
        Path tar = Path.of("..", module, "target", "jib-image.tar");
        Assumptions.assumeTrue(Files.isRegularFile(tar), "no image tarball at " + tar + ": build with -Poffline-images (make test does)");
        JsonNode manifest = JSON.readTree(read(tar, "manifest.json")).get(0);
        JsonNode image = JSON.readTree(read(tar, manifest.path("Config").asText()));
        JsonNode config = image.path("config");

        String user = config.path("User").asText();
        assertThat(user).matches("\\d+:\\d+");
        assertThat(Integer.parseInt(user.split(":")[0])).as("numeric, not root").isPositive();
        List<String> entrypoint = JSON.convertValue(config.path("Entrypoint"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(mainClass);
        assertThat(config.path("ExposedPorts").has(port + "/tcp")).isTrue();
        assertThat(config.path("ExposedPorts").size()).isEqualTo(1);
        assertThat(config.path("Volumes").size()).as("nothing expects a writable volume but /tmp, which the chart mounts").isZero();
        assertThat(manifest.path("RepoTags").get(0).asText()).contains("/marquee/" + module + ":").doesNotEndWith(":latest");
        // Reproducible: the same sources give the same image, layer for layer.
        assertThat(image.path("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(image.path("history").findValuesAsText("comment")).contains("dependencies", "classes", "resources");
    }

    private static String read(Path tar, String entry) {
        NodeTools.Result result = NodeTools.run(List.of("tar", "-xOf", tar.toAbsolutePath().toString(), entry));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }
}
