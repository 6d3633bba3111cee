package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after JVMs that died without stopping their nodes (a killed build, a crashed IDE): every cluster
 * directory records the pid of the JVM that owns it, and one whose owner is gone has its nodes killed and
 * its data deleted.
 */
final class StaleClusters {

    static final String OWNER_FILE = "owner.pid";

    private static final Logger log = LoggerFactory.getLogger(StaleClusters.class);

    private StaleClusters() {
    }

    static void reap(Path base) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> clusters = Files.list(base)) {
            clusters.filter(dir -> Files.isRegularFile(dir.resolve(OWNER_FILE)))
                    .filter(dir -> pidIn(dir.resolve(OWNER_FILE)).flatMap(ProcessHandle::of).map(h -> !h.isAlive()).orElse(true))
                    .forEach(StaleClusters::reapCluster);
        }
        catch (IOException ex) {
            log.warn("Could not look for stale Elasticsearch clusters in {}: {}", base, ex.getMessage());
        }
    }

    private static void reapCluster(Path dir) {
        try (Stream<Path> nodes = Files.list(dir)) {
            nodes.map(node -> node.resolve("node.pid"))
                    .filter(Files::isRegularFile)
                    .flatMap(pidFile -> pidIn(pidFile).flatMap(ProcessHandle::of).stream())
                    .forEach(handle -> {
                        handle.descendants().forEach(ProcessHandle::destroyForcibly);
                        handle.destroyForcibly();
                        handle.parent().filter(p -> p.info().command().orElse("").contains("java"))
                                .ifPresent(ProcessHandle::destroyForcibly);
                    });
        }
        catch (IOException ex) {
            log.warn("Could not stop nodes of stale cluster {}: {}", dir, ex.getMessage());
        }
        log.info("Removed stale Elasticsearch cluster {}", dir.getFileName());
        LocalElasticsearch.deleteRecursively(dir);
    }

    private static Optional<Long> pidIn(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        }
        catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
