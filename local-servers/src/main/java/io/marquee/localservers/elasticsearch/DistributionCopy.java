package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A copy of the distribution the node user can read, for checkouts under a directory only root may enter
 * (such as {@code /root}). Made once per version and reused.
 */
final class DistributionCopy {

    private DistributionCopy() {
    }

    static ElasticsearchDistribution readableCopy(ElasticsearchDistribution distribution, Path base, NodeUser user) {
        Path copy = base.resolve("dist-" + distribution.version());
        Path done = copy.resolve(".complete");
        if (!Files.exists(done)) {
            LocalElasticsearch.deleteRecursively(copy);
            try (Stream<Path> files = Files.walk(distribution.home())) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(distribution.home().relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    }
                    else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                Files.createFile(done);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot copy Elasticsearch to " + copy, ex);
            }
            user.own(copy);
        }
        if (!user.canUse(copy)) {
            throw new IllegalStateException("User " + NodeUser.NAME + " cannot read " + copy
                    + ": make the directory and its parents readable (chmod o+rx) or run as a normal user");
        }
        return new ElasticsearchDistribution(copy, distribution.version());
    }
}
