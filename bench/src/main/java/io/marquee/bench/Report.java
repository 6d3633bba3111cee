package io.marquee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The results table of one benchmark run: Gatling's open-loop runs ({@code gatling-results.json}) and wrk's peak runs (the
 * RESULT line of {@code wrk/mix.lua}), each target's figures beside the others', and the ratios to the static baseline.
 */
final class Report {

    static final List<String> TARGETS = List.of("nginx", "nginx-one-file", "elasticsearch", "api-cold", "api-warm");
    /** Between a run's name and a query type in the results (as {@code RunResults} writes them). */
    static final String KIND = "#";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    static void write(Path run, Path out) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(Files.readString(run.resolve("header.md")));
        md.append("\n## Open loop (Gatling): fixed arrival rates\n\n")
                .append("Milliseconds, as Gatling measures them (1 ms resolution: 0 means under a millisecond), over the answers that ")
                .append("succeeded; `failed` counts errors, timeouts and non-2xx; `ok/s` is successful answers per second of the run.\n\n")
                .append("| rate/s | target | requests | failed | ok/s | p50 ms | p99 ms | p99.9 ms | max ms |\n|---|---|---|---|---|---|---|---|---|\n");
        JsonNode runs = JSON.readTree(run.resolve("gatling-results.json").toFile());
        List<String> names = new ArrayList<>();
        runs.fieldNames().forEachRemaining(names::add);
        names.stream().filter(name -> name.contains("@") && !name.contains(KIND))
                .sorted(Comparator.comparingInt(Report::rate).thenComparingInt(name -> TARGETS.indexOf(target(name))))
                .forEach(name -> {
                    JsonNode r = runs.get(name);
                    md.append(String.format(Locale.ROOT, "| %d | %s | %d | %d | %.0f | %d | %d | %d | %d |%n", rate(name), target(name),
                            r.path("requests").asLong(), r.path("ko").asLong(), r.path("okPerSecond").asDouble(), r.path("p50").asLong(),
                            r.path("p99").asLong(), r.path("p999").asLong(), r.path("max").asLong()));
                });
        byKind(md, runs, names);
        md.append("\n## Peak (wrk, closed loop)\n\n")
                .append(Files.readString(run.resolve("wrk-settings.txt")).strip()).append("\n\n")
                .append("`× nginx` is against nginx serving each query's very answer bytes.\n\n")
                .append("| target | requests/s | × nginx | errors | p50 ms | p99 ms | p99.9 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
        double nginx = peak(run, "nginx").path("rate").asDouble();
        for (String target : TARGETS) {
            JsonNode wrk = peak(run, target);
            double rate = wrk.path("rate").asDouble();
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.3f | %d | %.2f | %.2f | %.2f | %.2f |%n", target, rate, rate / nginx,
                    wrk.path("errors").asLong(), wrk.path("p50Micros").asDouble() / 1000, wrk.path("p99Micros").asDouble() / 1000,
                    wrk.path("p999Micros").asDouble() / 1000, wrk.path("maxMicros").asDouble() / 1000));
        }
        Path profile = run.resolve("profile.md");
        if (Files.exists(profile)) {
            md.append("\n## Where a cache hit's CPU goes (JFR, api-warm at peak)\n\n").append(Files.readString(profile));
        }
        Path cold = run.resolve("profile-cold.md");
        if (Files.exists(cold)) {
            md.append("\n## Where an uncached request's CPU goes (JFR, api-cold at peak)\n\n").append(Files.readString(cold));
        }
        Path warmUp = run.resolve("warmup.md");
        if (Files.exists(warmUp)) {
            md.append("\n## Warm-up\n\n").append(Files.readString(warmUp));
        }
        md.append("\n## The query mix\n\n").append(Files.readString(run.resolve("mix/mix.md")));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    /**
     * p50 / p99 by query type and target for each rate: what typeahead ({@code /v1/suggest}) costs warm and cold, beside the
     * lookups and searches, and nginx serving each query's answer bytes: the floor per type. nginx-one-file serves one
     * file whatever the query, so it has no column.
     */
    private static void byKind(StringBuilder md, JsonNode runs, List<String> names) {
        List<String> kinds = names.stream().filter(name -> name.contains(KIND)).map(name -> name.substring(name.indexOf(KIND) + 1)).distinct()
                .toList();
        if (kinds.isEmpty()) {
            return;
        }
        List<String> targets = TARGETS.stream().filter(target -> !target.equals("nginx-one-file")).toList();
        md.append("\n### By query type\n\np50 / p99 milliseconds of the answers that succeeded, by the query type of the mix.\n\n")
                .append("| rate/s | query type | ").append(String.join(" | ", targets)).append(" |\n|---|---|")
                .append("---|".repeat(targets.size())).append('\n');
        names.stream().filter(name -> name.contains("@") && !name.contains(KIND)).mapToInt(Report::rate).distinct().sorted().forEach(rate -> {
            for (String kind : kinds) {
                md.append("| ").append(rate).append(" | ").append(kind).append(" |");
                for (String target : targets) {
                    JsonNode r = runs.get(target + "@" + rate + KIND + kind);
                    md.append(r == null ? " — |" : String.format(Locale.ROOT, " %d / %d |", r.path("p50").asLong(), r.path("p99").asLong()));
                }
                md.append('\n');
            }
        });
    }

    /** wrk's figures for a target, with its rate and error total worked out. */
    private static JsonNode peak(Path run, String target) throws IOException {
        String line = Files.readAllLines(run.resolve("wrk-" + target + ".txt")).stream().filter(l -> l.startsWith("RESULT "))
                .findFirst().orElseThrow(() -> new IllegalStateException("no wrk RESULT for " + target)).substring("RESULT ".length());
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
        node.put("rate", node.path("requests").asDouble() * 1_000_000 / node.path("durationMicros").asDouble());
        node.put("errors", node.path("non2xx").asLong() + node.path("connectErrors").asLong() + node.path("readErrors").asLong()
                + node.path("writeErrors").asLong() + node.path("timeouts").asLong());
        return node;
    }

    private static int rate(String name) {
        int end = name.indexOf(KIND);
        return Integer.parseInt(name.substring(name.indexOf('@') + 1, end < 0 ? name.length() : end));
    }

    private static String target(String name) {
        return name.substring(0, name.indexOf('@'));
    }
}
