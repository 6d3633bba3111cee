package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * x-pack security for a local cluster, as production has it: a CA and a node certificate (for {@code localhost} and
 * {@code 127.0.0.1}) made by the distribution's {@code elasticsearch-certutil}, TLS on HTTP and between nodes, and a
 * superuser in the file realm made by {@code elasticsearch-users}, with a password random to this cluster. Other users
 * and roles are for the tests to create through the security API, as an operator would.
 */
final class ClusterSecurity {

    static final String SUPERUSER = "marquee-admin";

    private final ElasticsearchDistribution distribution;
    private final Path dir;
    private final String password = "pw-" + UUID.randomUUID();

    private ClusterSecurity(ElasticsearchDistribution distribution, Path dir) {
        this.distribution = distribution;
        this.dir = dir;
    }

    static ClusterSecurity create(ElasticsearchDistribution distribution, Path dir) {
        ClusterSecurity security = new ClusterSecurity(distribution, dir);
        try {
            Files.createDirectories(dir);
            security.run(null, "elasticsearch-certutil", "ca", "--pem", "--silent", "--out", dir.resolve("ca.zip").toString());
            unzip(dir.resolve("ca.zip"), dir);
            security.run(null, "elasticsearch-certutil", "cert", "--pem", "--silent", "--name", "node", "--dns", "localhost", "--ip", "127.0.0.1",
                    "--ca-cert", dir.resolve("ca/ca.crt").toString(), "--ca-key", dir.resolve("ca/ca.key").toString(),
                    "--out", dir.resolve("node.zip").toString());
            unzip(dir.resolve("node.zip"), dir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot make certificates in " + dir, ex);
        }
        return security;
    }

    Path caCertificate() {
        return dir.resolve("ca/ca.crt");
    }

    String password() {
        return password;
    }

    /** The settings every node of the cluster needs, certificate paths relative to its config directory. */
    String settings() {
        return """
                xpack.security.enabled: true
                xpack.security.http.ssl.enabled: true
                xpack.security.http.ssl.key: certs/node.key
                xpack.security.http.ssl.certificate: certs/node.crt
                xpack.security.http.ssl.certificate_authorities: [certs/ca.crt]
                xpack.security.transport.ssl.enabled: true
                xpack.security.transport.ssl.verification_mode: certificate
                xpack.security.transport.ssl.key: certs/node.key
                xpack.security.transport.ssl.certificate: certs/node.crt
                xpack.security.transport.ssl.certificate_authorities: [certs/ca.crt]
                """;
    }

    /** Puts the certificates, the roles and the users (the superuser among them) into a node's config directory. */
    void install(Path config, String roles, List<LocalElasticsearch.FileUser> users) {
        try {
            Path certs = Files.createDirectories(config.resolve("certs"));
            Files.copy(caCertificate(), certs.resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(dir.resolve("node/node.crt"), certs.resolve("node.crt"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(dir.resolve("node/node.key"), certs.resolve("node.key"), StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            Files.writeString(config.resolve("roles.yml"), roles);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        run(config, "elasticsearch-users", "useradd", SUPERUSER, "-p", password, "-r", "superuser");
        for (LocalElasticsearch.FileUser user : users) {
            run(config, "elasticsearch-users", "useradd", user.name(), "-p", user.password(), "-r", String.join(",", user.roles()));
        }
    }

    private void run(Path config, String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(distribution.home().resolve("bin").resolve(tool).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (config != null) {
            builder.environment().put("ES_PATH_CONF", config.toString());
        }
        try {
            // The output goes to a file, not a pipe, so a tool that hangs is still bound by the wait below.
            Path output = Files.createTempFile(tool, ".log");
            Process process = builder.redirectOutput(output.toFile()).start();
            boolean exited = process.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output);
            Files.deleteIfExists(output);
            if (!exited || process.exitValue() != 0) {
                throw new IllegalStateException(tool + " " + args[0] + (exited ? " failed: " : " timed out: ") + printed);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot run " + tool, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + tool, ex);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Entry outside the directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                }
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
