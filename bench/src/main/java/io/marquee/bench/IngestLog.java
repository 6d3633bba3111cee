package io.marquee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest through S3 and SQS, from the local stack's log: from the indexer's first {@code Loading s3://…} to its last
 * {@code Loaded …}, the movies indexed and how long that took (the clock is the log's, so upload and event delivery
 * before the first load are not counted, and queueing between files is).
 */
final class IngestLog {

    private static final Pattern LOADING = Pattern.compile("^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) .*MovieLoader - Loading s3://");
    private static final Pattern LOADED = Pattern.compile("^(\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) .*MovieLoader - Loaded \\d+ files: \\d+ read, (\\d+) indexed");

    private IngestLog() {
    }

    /** Prints {@code ingest.docs}, {@code ingest.seconds} and {@code ingest.docsPerSecond} as key=value lines. */
    static void measure(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        LocalTime previous = null;
        long elapsedNanos = 0;
        long indexed = 0;
        long lastLoadedAt = 0;
        for (String line : lines) {
            Matcher loading = LOADING.matcher(line);
            Matcher loaded = LOADED.matcher(line);
            boolean isLoaded = loaded.find();
            if (!isLoaded && !loading.find()) {
                continue;
            }
            LocalTime at = LocalTime.parse(isLoaded ? loaded.group(1) : loading.group(1));
            if (previous != null) {
                // Times of day only: a load running past midnight goes on counting.
                long step = Duration.between(previous, at).toNanos();
                elapsedNanos += step < 0 ? step + Duration.ofDays(1).toNanos() : step;
            }
            previous = at;
            if (isLoaded) {
                indexed += Long.parseLong(loaded.group(2));
                lastLoadedAt = elapsedNanos;
            }
        }
        if (previous == null) {
            throw new IllegalStateException("No loads in " + log);
        }
        double seconds = lastLoadedAt / 1e9;
        System.out.printf(Locale.ROOT, "ingest.docs=%d%ningest.seconds=%.1f%ningest.docsPerSecond=%.0f%n", indexed, seconds, indexed / seconds);
    }
}
