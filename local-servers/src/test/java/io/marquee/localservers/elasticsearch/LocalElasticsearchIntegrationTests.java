package io.marquee.localservers.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalElasticsearchIntegrationTests {

    @TempDir
    Path base;

    @Test
    void startsAThreeNodeClusterAndLeavesNothingBehind() {
        List<ProcessHandle> processes;
        try (LocalElasticsearch cluster = LocalElasticsearch.start(LocalElasticsearch.Options.singleNode()
                .withNodes(3).withHeap("256m").withBaseDir(base))) {
            ElasticsearchHttp http = new ElasticsearchHttp(cluster.endpoint());
            ElasticsearchHttp.Response health = http.get("/_cluster/health");
            assertThat(health.body()).contains("\"number_of_nodes\":3").contains("\"status\":\"green\"");
            assertThat(cluster.endpoint().uris()).hasSize(3);
            processes = ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(args -> String.join(" ", args)).orElse("").contains(base.toString()))
                    .toList();
            assertThat(processes).isNotEmpty();
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        try (var left = list(base)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("marquee-"))).isEmpty();
        }
    }

    private static java.util.stream.Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
