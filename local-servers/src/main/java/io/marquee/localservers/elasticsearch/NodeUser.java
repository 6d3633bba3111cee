package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The user an Elasticsearch node runs as. Elasticsearch refuses to run as root, so a root JVM runs nodes as
 * the unprivileged system user {@value #NAME}, creating it when missing; any other JVM runs them as itself.
 */
final class NodeUser {

    static final String NAME = "marquee-es";

    private final boolean root;

    private NodeUser(boolean root) {
        this.root = root;
    }

    static NodeUser forCurrentProcess() {
        NodeUser user = new NodeUser("root".equals(System.getProperty("user.name")));
        if (user.root) {
            user.ensureExists();
        }
        return user;
    }

    boolean switches() {
        return root;
    }

    /** The command that runs {@code command} as this user. */
    List<String> wrap(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME,
                "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether this user can read and run the files under {@code dir}. */
    boolean canUse(Path dir) {
        if (!root) {
            return true;
        }
        return run(wrap(List.of("test", "-x", dir.resolve("bin/elasticsearch").toString(), "-a", "-r",
                dir.resolve("lib").toString()))) == 0;
    }

    /** Creates {@code dir} if needed and lets the node user pass through it (a temp dir is often private). */
    void allowTraversal(Path dir) {
        try {
            Files.createDirectories(dir);
            if (root) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
                permissions.addAll(Set.of(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_EXECUTE));
                Files.setPosixFilePermissions(dir, permissions);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare " + dir + " for Elasticsearch nodes", ex);
        }
    }

    /** Hands a directory tree to this user so the node can write its data, logs and config. */
    void own(Path dir) {
        if (!root) {
            return;
        }
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(NAME);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(NAME);
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attrs) throws IOException {
                    chown(path);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
                    chown(path);
                    return FileVisitResult.CONTINUE;
                }

                private void chown(Path path) throws IOException {
                    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot hand " + dir + " to user " + NAME, ex);
        }
    }

    private void ensureExists() {
        if (run(List.of("id", "-u", NAME)) == 0) {
            return;
        }
        int created = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
        if (created != 0 && run(List.of("id", "-u", NAME)) != 0) {
            throw new IllegalStateException("Elasticsearch refuses to run as root, and the unprivileged user '" + NAME
                    + "' could not be created (useradd exited " + created + "). Create it with: useradd --system "
                    + "--no-create-home --shell /usr/sbin/nologin " + NAME + ", or run as a normal user.");
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }
        catch (IOException ex) {
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
