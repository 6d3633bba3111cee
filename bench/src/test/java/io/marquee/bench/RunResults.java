package io.marquee.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response times by run name (OK answers) and failure counts, written as one JSON object per run:
 * {@code {"api-warm@200": {"requests": …, "ko": …, "okPerSecond": …, "p50": …, "p99": …, "p999": …, "max": …}}}, and the
 * same for each query type of the run ({@code "api-warm@200#typeahead"}).
 */
final class RunResults {

    private final Map<String, ConcurrentLinkedQueue<Integer>> times = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    /** One answer's time in milliseconds, or a negative number for a failed request. */
    void record(String run, int millis) {
        if (millis < 0) {
            failures.computeIfAbsent(run, r -> new AtomicLong()).incrementAndGet();
        }
        else {
            times.computeIfAbsent(run, r -> new ConcurrentLinkedQueue<>()).add(millis);
        }
    }

    void write(Path file, Duration duration) {
        Map<String, String> runs = new TreeMap<>();
        for (String run : union()) {
            int[] sorted = times.getOrDefault(run, new ConcurrentLinkedQueue<>()).stream().mapToInt(Integer::intValue).sorted().toArray();
            long ko = failures.getOrDefault(run, new AtomicLong()).get();
            runs.put(run, String.format(Locale.ROOT, "{\"requests\":%d,\"ko\":%d,\"okPerSecond\":%.1f,\"p50\":%d,\"p99\":%d,\"p999\":%d,\"max\":%d}",
                    sorted.length + ko, ko, sorted.length / (double) duration.toSeconds(), percentile(sorted, 50), percentile(sorted, 99),
                    percentile(sorted, 99.9), sorted.length == 0 ? -1 : sorted[sorted.length - 1]));
        }
        StringBuilder json = new StringBuilder("{\n");
        runs.forEach((run, stats) -> json.append(json.length() > 2 ? ",\n" : "").append("  \"").append(run).append("\": ").append(stats));
        try {
            Files.writeString(file, json.append("\n}\n"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Set<String> union() {
        Set<String> all = new TreeSet<>(times.keySet());
        all.addAll(failures.keySet());
        return all;
    }

    /** The nearest-rank percentile. */
    static int percentile(int[] sorted, double percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
