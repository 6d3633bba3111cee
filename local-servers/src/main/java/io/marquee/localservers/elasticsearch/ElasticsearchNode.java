package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One Elasticsearch process with its own config, data and log directories under {@code dir}.
 * It can be stopped and started again on the same ports and data, which fault tests rely on.
 */
public final class ElasticsearchNode {

    private final String name;
    private final Path dir;
    private final int httpPort;
    private final String settings;
    private final ElasticsearchDistribution distribution;
    private final NodeUser user;
    private final String heap;
    private final String scheme;
    private Process process;

    ElasticsearchNode(String name, Path dir, int httpPort, String settings, ElasticsearchDistribution distribution,
            NodeUser user, String heap, String scheme) {
        this.scheme = scheme;
        this.name = name;
        this.dir = dir;
        this.httpPort = httpPort;
        this.settings = settings;
        this.distribution = distribution;
        this.user = user;
        this.heap = heap;
    }

    public String name() {
        return name;
    }

    public URI httpUri() {
        return URI.create(scheme + "://127.0.0.1:" + httpPort);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the process; {@link LocalElasticsearch} waits for the cluster to form. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            prepareDirectories();
            ProcessBuilder builder = new ProcessBuilder(user.wrap(List.of(distribution.launcher().toString(),
                    "-p", dir.resolve("node.pid").toString())))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("ES_PATH_CONF", dir.resolve("config").toString());
            env.put("ES_JAVA_HOME", System.getProperty("java.home"));
            env.put("ES_TMPDIR", dir.resolve("tmp").toString());
            env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
            env.remove("JAVA_TOOL_OPTIONS");
            process = builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start Elasticsearch node " + name, ex);
        }
    }

    /** Stops the process (gracefully, then forcibly), keeping its data for a restart. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
            // The server JVM exits when its launcher does, but never outlive the launcher by much.
            for (ProcessHandle handle : tree) {
                handle.onExit().get(15, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        catch (ExecutionException | TimeoutException ex) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    /** Kills the process at once, as a crash would; the data stays. */
    public synchronized void kill() {
        if (process != null) {
            Stream.concat(Stream.of(process.toHandle()), process.descendants()).forEach(ProcessHandle::destroyForcibly);
            try {
                process.waitFor(15, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** The last lines the node printed, to explain a failed start. */
    public String consoleTail(int lines) {
        Path console = dir.resolve("console.log");
        try {
            if (!Files.exists(console)) {
                return "(no output)";
            }
            List<String> all = Files.readAllLines(console, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException ex) {
            return "(unreadable output: " + ex.getMessage() + ")";
        }
    }

    /** The node's config directory, made (from the distribution's, with its settings) if it is not there yet. */
    synchronized Path config() {
        try {
            prepareDirectories();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return dir.resolve("config");
    }

    private void prepareDirectories() throws IOException {
        Path config = dir.resolve("config");
        if (!Files.exists(config)) {
            Files.createDirectories(config);
            try (Stream<Path> files = Files.walk(distribution.config())) {
                for (Path source : files.toList()) {
                    Path target = config.resolve(distribution.config().relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    }
                    else {
                        Files.copy(source, target);
                    }
                }
            }
            Map<String, String> paths = new HashMap<>();
            paths.put("path.data", dir.resolve("data").toString());
            paths.put("path.logs", dir.resolve("logs").toString());
            StringBuilder yml = new StringBuilder(settings);
            paths.forEach((key, value) -> yml.append(key).append(": ").append(value).append('\n'));
            Files.writeString(config.resolve("elasticsearch.yml"), yml.toString());
            for (String sub : List.of("data", "logs", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
        }
        user.own(dir);
    }
}
