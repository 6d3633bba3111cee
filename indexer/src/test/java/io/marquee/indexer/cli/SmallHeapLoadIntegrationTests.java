package io.marquee.indexer.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.marquee.localservers.elasticsearch.ElasticsearchHttp;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real indexer command in a separate JVM with a 64 MB heap against a generated file larger than that
 * heap: only streaming gets through.
 */
@ElasticsearchTest
class SmallHeapLoadIntegrationTests {

    private static final int RECORDS = 200_000;

    @TempDir
    Path dir;

    @Test
    void streamsAFileLargerThanTheHeap(TestIndices indices) throws Exception {
        Path file = generate(dir.resolve("generated.json"));
        assertThat(Files.size(file)).isGreaterThan(64L * 1024 * 1024);

        Process indexer = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), "io.marquee.indexer.IndexerApplication",
                "load", file.toString(),
                "--spring.elasticsearch.uris=" + indices.endpoint().urisAsString(),
                "--marquee.indexer.index-prefix=" + indices.prefix(),
                "--spring.profiles.active=plain-logs"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("indexer.log").toFile()).start();
        boolean exited = indexer.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(dir.resolve("indexer.log"));

        assertThat(exited).as(output).isTrue();
        assertThat(indexer.exitValue()).as(output).isZero();
        assertThat(output).contains("records read: " + RECORDS + ", indexed: " + RECORDS).doesNotContain("OutOfMemoryError");
        ElasticsearchHttp http = new ElasticsearchHttp(indices.endpoint());
        assertThat(http.get("/" + indices.prefix() + "movies/_count").body()).contains("\"count\":" + RECORDS);
    }

    private static Path generate(Path file) throws IOException {
        String extract = "A generated film used to prove that the indexer streams its input. ".repeat(4);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < RECORDS; i++) {
                out.write(String.format("{\"title\": \"Generated Film %d\", \"year\": %d, \"cast\": [\"Actor %d\", \"Actress %d\"], "
                        + "\"genres\": [\"Drama\"], \"href\": \"Generated_%d\", \"extract\": \"%s\"}%s%n",
                        i, 1900 + i % 120, i % 5000, i % 7000, i, extract, i + 1 < RECORDS ? "," : ""));
            }
            out.write("]\n");
        }
        return file;
    }
}
