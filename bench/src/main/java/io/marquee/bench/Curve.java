package io.marquee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scale curve: for each catalogue size's run (a directory with {@code facts.txt}, key=value lines, and Gatling's
 * {@code gatling-results.json}), ingest against raw {@code _bulk}, the index on disk, the heaps, and the latency of each
 * query type cold and warm, side by side.
 */
final class Curve {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MB = 1 << 20;

    private Curve() {
    }

    static void write(Path header, Path out, List<Path> sizes) throws IOException {
        List<Map<String, String>> facts = new ArrayList<>();
        List<JsonNode> runs = new ArrayList<>();
        for (Path size : sizes) {
            facts.add(facts(size.resolve("facts.txt")));
            runs.add(JSON.readTree(size.resolve("gatling-results.json").toFile()));
        }
        StringBuilder md = new StringBuilder(Files.readString(header));
        md.append("\n## Ingest, disk and heap by catalogue size\n\n")
                .append("Ingest through S3 and SQS: the indexer's first load to its last (IngestLog); raw `_bulk`: the very documents and audit entries ")
                .append("it wrote, read back and sent again in the indexer's batches and concurrency (RawBulk). Heaps: Elasticsearch's old ")
                .append("generation in use after the load; the APIs' heap in use after a full GC, once the load runs were over. The index is as ")
                .append("the load left it, unmerged: ranking rewrites most documents once, and the deleted copies count until merges drop them.\n\n")
                .append("| movies | ingest movies/s | raw _bulk movies/s | × raw | movies index MB | deleted copies | audit MB | bytes a movie | ")
                .append("Elasticsearch heap MB (max) | api-warm heap MB | api-cold heap MB |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, String> f : facts) {
            double ingest = number(f, "ingest.docsPerSecond");
            double raw = number(f, "raw.docsPerSecond");
            double docs = number(f, "index.docs");
            md.append(String.format(Locale.ROOT, "| %,.0f | %,.0f | %,.0f | %.2f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f (%,.0f) | %,.0f | %,.0f |%n",
                    docs, ingest, raw, ingest / raw, number(f, "index.bytes") / MB, number(f, "index.deleted"), number(f, "audit.bytes") / MB,
                    number(f, "index.bytes") / docs,
                    number(f, "es.heapOldBytes") / MB, number(f, "es.heapMaxBytes") / MB, number(f, "warm.heapBytes") / MB,
                    number(f, "cold.heapBytes") / MB));
        }
        int rate = runs.get(0).fieldNames().hasNext() ? rateOf(runs.get(0)) : 0;
        md.append("\n## Latency by query type and catalogue size\n\n")
                .append("p50 / p99 milliseconds (Gatling, open loop at ").append(rate).append(" requests/s, the mix drawn from each catalogue), ")
                .append("for Elasticsearch sent the API's bodies, the API with its cache off, and the API warm.\n\n");
        TreeSet<String> kinds = new TreeSet<>();
        runs.get(0).fieldNames().forEachRemaining(name -> {
            if (name.contains(Report.KIND)) {
                kinds.add(name.substring(name.indexOf(Report.KIND) + 1));
            }
        });
        md.append("| query type | target |");
        facts.forEach(f -> md.append(String.format(Locale.ROOT, " %,.0f |", number(f, "index.docs"))));
        md.append("\n|---|---|").append("---|".repeat(facts.size())).append('\n');
        for (String kind : kinds) {
            for (String target : List.of("elasticsearch", "api-cold", "api-warm")) {
                md.append("| ").append(kind).append(" | ").append(target).append(" |");
                for (JsonNode run : runs) {
                    JsonNode r = run.get(target + "@" + rate + Report.KIND + kind);
                    md.append(r == null ? " — |" : String.format(Locale.ROOT, " %d / %d |", r.path("p50").asLong(), r.path("p99").asLong()));
                }
                md.append('\n');
            }
        }
        Path mix = sizes.get(sizes.size() - 1).resolve("mix/mix.md");
        if (Files.exists(mix)) {
            md.append("\n## The query mix at the largest size\n\n").append(Files.readString(mix));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    private static int rateOf(JsonNode run) {
        List<String> names = new ArrayList<>();
        run.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(name -> name.contains("@")).mapToInt(name -> {
            int end = name.indexOf(Report.KIND);
            return Integer.parseInt(name.substring(name.indexOf('@') + 1, end < 0 ? name.length() : end));
        }).min().orElse(0);
    }

    private static Map<String, String> facts(Path file) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                facts.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return facts;
    }

    private static double number(Map<String, String> facts, String key) {
        String value = facts.get(key);
        return value == null || value.isBlank() ? Double.NaN : Double.parseDouble(value);
    }
}
