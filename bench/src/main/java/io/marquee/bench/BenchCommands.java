package io.marquee.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code prepare <api-url> <es-url> <api-jar> <out-dir>}: builds the query mix from the loaded catalogue, records the
 * search each query makes (an API from {@code api-jar} behind a recorder), warms the API with one pass, and writes the
 * mix files and the static baseline file. {@code report <run-dir> <out-file>}: writes the results
 * table from Gatling's and wrk's output. {@code profile <jfr> <requests> <cpu-seconds> <out-file>}: shares a JFR recording
 * of api-warm under load out over the parts of the request path ({@link Profile}). {@code generate <source> <size> <seed> <out-dir>}:
 * a catalogue of that many movies with the real set's shape ({@link Catalogue}). {@code ingest <stack-log>}, {@code rawbulk
 * <es-url> <work-dir>}: ingest through S3 and SQS ({@link IngestLog}) and its raw {@code _bulk} floor ({@link RawBulk}), as
 * key=value lines. {@code curve <header.md> <out-file> <size-run-dir>...}: the scale curve ({@link Curve}).
 */
public final class BenchCommands {

    private BenchCommands() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 5 && args[0].equals("prepare")) {
            QueryMix.prepare(URI.create(args[1]), URI.create(args[2]), Path.of(args[3]), Path.of(args[4]));
        }
        else if (args.length == 3 && args[0].equals("report")) {
            Report.write(Path.of(args[1]), Path.of(args[2]));
        }
        else if (args.length == 5 && args[0].equals("profile")) {
            Profile.write(Path.of(args[1]), Long.parseLong(args[2]), Double.parseDouble(args[3]), Path.of(args[4]));
        }
        else if (args.length == 5 && args[0].equals("generate")) {
            Catalogue.generate(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]), Path.of(args[4]));
        }
        else if (args.length == 2 && args[0].equals("ingest")) {
            IngestLog.measure(Path.of(args[1]));
        }
        else if (args.length == 3 && args[0].equals("rawbulk")) {
            RawBulk.measure(URI.create(args[1]), Path.of(args[2]));
        }
        else if (args.length == 1 && args[0].equals("esheap")) {
            // _nodes/stats/jvm on standard input: the old generation in use (what the heap holds beyond garbage) and the maximum.
            var nodes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(System.in).path("nodes");
            long old = 0;
            long max = 0;
            for (var node : nodes) {
                old += node.path("jvm").path("mem").path("pools").path("old").path("used_in_bytes").asLong();
                max += node.path("jvm").path("mem").path("heap_max_in_bytes").asLong();
            }
            System.out.printf("es.heapOldBytes=%d%nes.heapMaxBytes=%d%n", old, max);
        }
        else if (args.length >= 4 && args[0].equals("curve")) {
            Curve.write(Path.of(args[1]), Path.of(args[2]), java.util.Arrays.stream(args, 3, args.length).map(Path::of).toList());
        }
        else {
            System.err.println("usage: prepare <api-url> <es-url> <api-jar> <out-dir>"
                    + " | report <run-dir> <out-file> | profile <jfr> <requests> <cpu-seconds> <out-file>"
                    + " | generate <source> <size> <seed> <out-dir> | ingest <stack-log> | rawbulk <es-url> <work-dir>"
                    + " | curve <header.md> <out-file> <size-run-dir>...");
            System.exit(2);
        }
    }
}
