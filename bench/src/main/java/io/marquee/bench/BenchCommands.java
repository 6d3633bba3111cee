package io.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code prepare <api-url> <es-url> <out-dir>}: builds the query mix from the loaded catalogue, warms the API with one
 * pass, and writes the mix files and the static baseline file. {@code report <run-dir> <out-file>}: writes the results
 * table from Gatling's and wrk's output. {@code profile <jfr> <requests> <cpu-seconds> <out-file>}: shares a JFR recording
 * of api-warm under load out over the parts of the request path ({@link Profile}).
 */
public final class BenchCommands {

    private BenchCommands() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 4 && args[0].equals("prepare")) {
            QueryMix.prepare(URI.create(args[1]), URI.create(args[2]), Path.of(args[3]));
        }
        else if (args.length == 3 && args[0].equals("report")) {
            Report.write(Path.of(args[1]), Path.of(args[2]));
        }
        else if (args.length == 5 && args[0].equals("profile")) {
            Profile.write(Path.of(args[1]), Long.parseLong(args[2]), Double.parseDouble(args[3]), Path.of(args[4]));
        }
        else {
            System.err.println("usage: prepare <api-url> <es-url> <out-dir> | report <run-dir> <out-file> | profile <jfr> <requests> <cpu-seconds> <out-file>");
            System.exit(2);
        }
    }
}
