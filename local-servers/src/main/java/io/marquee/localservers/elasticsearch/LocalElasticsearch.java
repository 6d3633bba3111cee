package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Elasticsearch cluster of one or more nodes on free loopback ports, each a child process of this
 * JVM. Closing it (or the JVM exiting, or Ctrl-C) stops every node and deletes its data. A cluster whose
 * JVM died without closing it is cleaned up by the next one started on the machine.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);

    private final Path dir;
    private final List<ElasticsearchNode> nodes;
    private final Options options;
    private final ClusterSecurity security;
    private final Thread shutdownHook;

    private LocalElasticsearch(Path dir, List<ElasticsearchNode> nodes, Options options, ClusterSecurity security) {
        this.dir = dir;
        this.nodes = List.copyOf(nodes);
        this.options = options;
        this.security = security;
        this.shutdownHook = new Thread(this::stopAndDelete, "elasticsearch-shutdown");
    }

    /** Starts a cluster and waits until it is green. */
    public static LocalElasticsearch start(Options options) {
        ElasticsearchDistribution distribution = options.distribution();
        NodeUser user = NodeUser.forCurrentProcess();
        Path base = options.baseDir();
        StaleClusters.reap(base);
        user.allowTraversal(base);
        if (!user.canUse(distribution.home())) {
            distribution = DistributionCopy.readableCopy(distribution, base, user);
        }
        String cluster = "marquee-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = base.resolve(cluster);
        List<int[]> ports = freePorts(options.nodes());
        String seeds = ports.stream().map(p -> "\"127.0.0.1:" + p[1] + "\"").collect(Collectors.joining(", "));
        String masters = IntStream.range(0, options.nodes()).mapToObj(i -> "\"node-" + i + "\"").collect(Collectors.joining(", "));
        ClusterSecurity security = options.secured() ? ClusterSecurity.create(distribution, dir.resolve("certs")) : null;
        List<ElasticsearchNode> nodes = new ArrayList<>();
        for (int i = 0; i < options.nodes(); i++) {
            StringBuilder settings = new StringBuilder()
                    .append("cluster.name: ").append(cluster).append('\n')
                    .append("node.name: node-").append(i).append('\n')
                    .append("network.host: 127.0.0.1\n")
                    .append("http.port: ").append(ports.get(i)[0]).append('\n')
                    .append("transport.port: ").append(ports.get(i)[1]).append('\n')
                    .append(security != null ? security.settings() : "xpack.security.enabled: false\n")
                    // Tests share a disk with the build; a full-ish disk must not turn indices read-only.
                    .append("cluster.routing.allocation.disk.threshold_enabled: false\n")
                    .append("node.portsfile: true\n");
            if (options.nodes() == 1) {
                settings.append("discovery.type: single-node\n");
            }
            else {
                settings.append("discovery.seed_hosts: [").append(seeds).append("]\n")
                        .append("cluster.initial_master_nodes: [").append(masters).append("]\n");
            }
            nodes.add(new ElasticsearchNode("node-" + i, dir.resolve("node-" + i), ports.get(i)[0], settings.toString(),
                    distribution, user, options.heap(), security != null ? "https" : "http"));
        }
        if (security != null) {
            nodes.forEach(node -> security.install(node.config(), options.roles(), options.users()));
        }
        LocalElasticsearch local = new LocalElasticsearch(dir, nodes, options, security);
        local.launch();
        return local;
    }

    public List<ElasticsearchNode> nodes() {
        return nodes;
    }

    /** Every node's address; on a secured cluster, as the superuser and trusting the cluster's CA. */
    public ElasticsearchEndpoint endpoint() {
        List<java.net.URI> uris = nodes.stream().map(ElasticsearchNode::httpUri).toList();
        return security == null ? new ElasticsearchEndpoint(uris, null, null)
                : new ElasticsearchEndpoint(uris, ClusterSecurity.SUPERUSER, security.password(), security.caCertificate());
    }

    /** Waits until the cluster reports at least {@code status} (green or yellow) with every node present. */
    public void awaitHealth(String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            for (ElasticsearchNode node : nodes) {
                if (!node.isRunning()) {
                    continue;
                }
                try {
                    ElasticsearchEndpoint all = endpoint();
                    ElasticsearchEndpoint one = new ElasticsearchEndpoint(List.of(node.httpUri()), all.username(), all.password(), all.caCertificate());
                    ElasticsearchHttp.Response health = new ElasticsearchHttp(one).get("/_cluster/health?wait_for_status="
                            + status + "&wait_for_nodes=" + runningNodes() + "&timeout=1s");
                    last = health.body();
                    if (health.status() == 200) {
                        return;
                    }
                }
                catch (UncheckedIOException ex) {
                    last = ex.getCause().getMessage();
                }
            }
            for (ElasticsearchNode node : nodes) {
                if (!node.isRunning() && nodes.stream().noneMatch(ElasticsearchNode::isRunning)) {
                    throw new IllegalStateException("Elasticsearch exited during start-up:\n" + node.consoleTail(40));
                }
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Elasticsearch not " + status + " within " + timeout + " (last: " + last + ")\n"
                + nodes.get(0).consoleTail(40));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException ex) {
            // The JVM is already shutting down and the hook is running or has run.
            return;
        }
        stopAndDelete();
    }

    private void launch() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(StaleClusters.OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Instant started = Instant.now();
        try {
            nodes.forEach(ElasticsearchNode::start);
            awaitHealth("green", options.startTimeout());
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
        log.info("Elasticsearch {} ({} node(s)) green in {} ms at {}", options.distribution().version(), nodes.size(),
                Duration.between(started, Instant.now()).toMillis(), endpoint().urisAsString());
    }

    private long runningNodes() {
        return nodes.stream().filter(ElasticsearchNode::isRunning).count();
    }

    private synchronized void stopAndDelete() {
        nodes.parallelStream().forEach(ElasticsearchNode::stop);
        if (!options.keepData()) {
            deleteRecursively(dir);
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException ex) {
            log.warn("Could not delete {}: {}", path, ex.getMessage());
        }
    }

    private static List<int[]> freePorts(int nodes) {
        List<int[]> ports = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < nodes; i++) {
                int[] pair = new int[2];
                for (int j = 0; j < 2; j++) {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    held.add(socket);
                    pair[j] = socket.getLocalPort();
                }
                ports.add(pair);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free loopback ports", ex);
        }
        finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                }
                catch (IOException ignored) {
                    // The port is released either way.
                }
            }
        }
        return ports;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
        }
    }

    /**
     * How to start a cluster.
     *
     * @param nodes 1 for a single node, 3 for the fault-test cluster
     * @param heap the JVM heap of each node, e.g. {@code 512m}
     * @param baseDir where node directories live (the JVM's temp dir by default)
     * @param keepData leave the data behind on close (for debugging)
     * @param secured x-pack security on, with TLS and a superuser (see {@link ClusterSecurity})
     * @param roles with security, the {@code roles.yml} of every node
     * @param users with security, the users of the file realm besides the superuser
     */
    public record Options(int nodes, String heap, Path baseDir, boolean keepData, Duration startTimeout,
            ElasticsearchDistribution distribution, boolean secured, String roles, List<FileUser> users) {

        public Options {
            if (nodes < 1) {
                throw new IllegalArgumentException("A cluster needs at least one node");
            }
        }

        public static Options singleNode() {
            return new Options(1, System.getProperty("marquee.es.heap", "768m"),
                    // Per user: a directory root created is not writable by anyone else.
                    Path.of(System.getProperty("java.io.tmpdir"), "marquee-es-" + System.getProperty("user.name")), false,
                    Duration.ofMinutes(3),
                    ElasticsearchDistribution.fromBuild(), false, "", List.of());
        }

        public Options withNodes(int count) {
            return new Options(count, heap, baseDir, keepData, startTimeout, distribution, secured, roles, users);
        }

        public Options withHeap(String size) {
            return new Options(nodes, size, baseDir, keepData, startTimeout, distribution, secured, roles, users);
        }

        public Options withBaseDir(Path dir) {
            return new Options(nodes, heap, dir, keepData, startTimeout, distribution, secured, roles, users);
        }

        /**
         * With x-pack security on: TLS on HTTP and transport, a superuser ({@link #endpoint()} uses it), and these roles
         * ({@code roles.yml}) and users in the file realm, as ECK configures them from Secrets. (The security API cannot
         * create roles here: its index needs an analyzer of a module this distribution lacks.)
         */
        public Options withSecurity(String rolesYaml, List<FileUser> fileUsers) {
            return new Options(nodes, heap, baseDir, keepData, startTimeout, distribution, true, rolesYaml, List.copyOf(fileUsers));
        }
    }

    /** A user of the file realm, with its roles. */
    public record FileUser(String name, String password, List<String> roles) {
    }
}
