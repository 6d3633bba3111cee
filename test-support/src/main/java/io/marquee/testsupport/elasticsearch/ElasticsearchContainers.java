package io.marquee.testsupport.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.marquee.localservers.elasticsearch.ElasticsearchDistribution;
import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The tests' Elasticsearch as a Testcontainers {@link ElasticsearchContainer}: the official image where it is on the
 * machine or can be pulled, otherwise {@code marquee/elasticsearch}, built on the machine from the same Maven Central
 * distribution the launcher runs ({@code test-support/src/docker/build-elasticsearch-image.sh}) and declared a
 * compatible substitute for the official one. Both run with the settings the launcher gives its node.
 */
final class ElasticsearchContainers {

    /** The official image's repository. */
    static final String OFFICIAL = "docker.elastic.co/elasticsearch/elasticsearch";
    /** The repository of the image built locally where no registry is reachable. */
    static final String LOCAL = "marquee/elasticsearch";

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchContainers.class);

    private ElasticsearchContainers() {
    }

    /** Whether a Docker engine answers here. */
    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    /** Starts a single-node container, stopped when the JVM exits, and returns where it listens. */
    static ElasticsearchEndpoint start() {
        ElasticsearchContainer container = new ElasticsearchContainer(image(ElasticsearchDistribution.fromBuild().version()))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                // Security is off, so there is no CA certificate to copy out of the container.
                .withCertPath("")
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=1s").forPort(9200).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "elasticsearch-container-stop"));
        log.info("Elasticsearch {} in container {} at {}", container.getDockerImageName(), container.getContainerId(),
                container.getHttpHostAddress());
        return new ElasticsearchEndpoint(List.of(URI.create("http://" + container.getHttpHostAddress())), null, null);
    }

    /** The official image if Docker has it or can pull it, else the local one (which must have been built). */
    static DockerImageName image(String version) {
        DockerImageName official = DockerImageName.parse(OFFICIAL).withTag(version);
        if (present(official) || pulled(official)) {
            return official;
        }
        DockerImageName local = DockerImageName.parse(LOCAL).withTag(version);
        if (!present(local)) {
            throw new IllegalStateException("Neither " + official + " (no registry answers) nor " + local
                    + " is here: build it with test-support/src/docker/build-elasticsearch-image.sh, or run with -D"
                    + ElasticsearchEngine.PROPERTY + "=launcher");
        }
        return local.asCompatibleSubstituteFor(OFFICIAL);
    }

    private static boolean present(DockerImageName image) {
        try {
            DockerClientFactory.lazyClient().inspectImageCmd(image.asCanonicalNameString()).exec();
            return true;
        }
        catch (RuntimeException absent) {
            return false;
        }
    }

    private static boolean pulled(DockerImageName image) {
        try {
            DockerClientFactory.lazyClient().pullImageCmd(image.getUnversionedPart()).withTag(image.getVersionPart()).start()
                    .awaitCompletion();
            return present(image);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (RuntimeException unreachable) {
            log.info("Cannot pull {} ({}): using the image built here", image, unreachable.getMessage());
            return false;
        }
    }
}
