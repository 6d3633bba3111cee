package io.marquee.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the npm validators this module installs (package.json, pinned by package-lock.json) with the machine's Node.js. */
final class NodeTools {

    static final Path MODULE = Path.of("").toAbsolutePath();

    private NodeTools() {
    }

    /** Runs {@code command} in this module's directory, bounded in time; its output is read from a file, so a hang cannot block. */
    static Result run(List<String> command) {
        try {
            Path output = Files.createTempFile("node-tool", ".log");
            Process process = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            boolean exited = process.waitFor(5, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output);
            Files.deleteIfExists(output);
            return new Result(exited ? process.exitValue() : -1, printed);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot run " + command, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + command, ex);
        }
    }

    /** Runs an installed package's command ({@code node_modules/.bin/<name>}). */
    static Result bin(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(MODULE.resolve("node_modules/.bin").resolve(name).toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    static Result script(String name, String... args) {
        List<String> command = new ArrayList<>(List.of("node", MODULE.resolve("scripts").resolve(name).toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** An exit code (-1: killed at the time limit) and everything printed. */
    record Result(int exitCode, String output) {
    }
}
