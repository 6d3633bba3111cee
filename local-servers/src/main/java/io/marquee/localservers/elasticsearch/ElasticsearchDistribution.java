package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The unpacked Elasticsearch distribution that this module's build resolved from Maven Central.
 * {@code -Dmarquee.es.home=…} points at another unpacked copy.
 */
public record ElasticsearchDistribution(Path home, String version) {

    public static ElasticsearchDistribution fromBuild() {
        Properties build = new Properties();
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("/marquee-elasticsearch.properties")) {
            if (in == null) {
                throw new IllegalStateException("marquee-elasticsearch.properties missing: build test-support with Maven first");
            }
            build.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Path home = Path.of(System.getProperty("marquee.es.home", build.getProperty("home")));
        ElasticsearchDistribution distribution = new ElasticsearchDistribution(home, build.getProperty("version"));
        distribution.check();
        return distribution;
    }

    public Path launcher() {
        return home.resolve("bin/elasticsearch");
    }

    public Path config() {
        return home.resolve("config");
    }

    private void check() {
        if (!Files.isRegularFile(launcher())) {
            throw new IllegalStateException("No Elasticsearch distribution at " + home
                    + ": run './mvnw -pl test-support generate-resources' (the build unpacks it)");
        }
        // Archive unpacking does not always keep the executable bit.
        try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
            for (Path script : scripts.toList()) {
                if (!Files.isExecutable(script)) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(script);
                    permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(script, permissions);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare " + home.resolve("bin"), ex);
        }
    }
}
