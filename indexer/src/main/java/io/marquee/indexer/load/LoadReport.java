package io.marquee.indexer.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.marquee.records.RejectionCode;

import io.marquee.indexer.index.WriteOutcome;

/**
 * The account of one load. {@code read} counts records (valid or not); every one of them ends up indexed,
 * rejected or failed. Only the first {@value MovieLoader#MAX_LISTED_REJECTIONS} rejections are listed one by
 * one; {@code rejectionsByReason} counts them all.
 */
public record LoadReport(
        int files,
        long read,
        long created,
        long updated,
        long deleted,
        long stale,
        long rejected,
        long droppedEntries,
        long retries,
        List<Rejection> rejections,
        Map<String, Long> rejectionsByReason,
        List<WriteOutcome.Failure> failures,
        List<UnreadableFile> unreadable,
        List<UnwrittenFile> unwritten,
        Duration took) {

    public LoadReport {
        rejections = List.copyOf(rejections);
        rejectionsByReason = Map.copyOf(rejectionsByReason);
        failures = List.copyOf(failures);
        unreadable = List.copyOf(unreadable);
        unwritten = List.copyOf(unwritten);
    }

    public long indexed() {
        return created + updated;
    }

    public double recordsPerSecond() {
        return took.isZero() ? 0 : read * 1000.0 / Math.max(1, took.toMillis());
    }

    /**
     * A record that failed validation or may not be applied: where it was, why (as a code, with the field it
     * concerns if one, and in words), and the record itself when it could be read.
     */
    public record Rejection(String uri, long position, long line, RejectionCode code, String field, String reason, String raw) {

        /** What rejections are counted by in {@link LoadReport#rejectionsByReason()}: the code, and the field if one. */
        public String kind() {
            return field == null ? code.value() : code.value() + " " + field;
        }
    }

    /** A file that could not be read at all; {@code transientFailure} when trying again may succeed. */
    public record UnreadableFile(String uri, String reason, boolean transientFailure) {
    }

    /**
     * A file some of whose valid records could not be written (Elasticsearch failed, not the file): always worth
     * retrying whole, never a reason to quarantine anything.
     */
    public record UnwrittenFile(String uri, String reason) {
    }

    /** The report as lines for a person at a terminal. */
    public String describe() {
        StringBuilder out = new StringBuilder()
                .append(String.format("files: %d, records read: %d, indexed: %d (created %d, updated %d), deleted: %d, "
                        + "stale: %d, rejected: %d, failed: %d, junk entries dropped: %d, retries: %d%n", files, read, indexed(), created,
                        updated, deleted, stale, rejected, failures.size(), droppedEntries, retries))
                .append(String.format("took %.1f s (%.0f records/s)%n", took.toMillis() / 1000.0, recordsPerSecond()));
        rejectionsByReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format("  rejected %d × %s%n", e.getValue(), e.getKey())));
        rejections.forEach(r -> out.append(String.format("  rejected %s record %d (line %d): %s%n", r.uri(), r.position(), r.line(),
                r.reason())));
        failures.forEach(f -> out.append(String.format("  failed %s record %d (%s): %s%n", f.uri(), f.position(), f.id(), f.reason())));
        unreadable.forEach(u -> out.append(String.format("  unreadable %s: %s%n", u.uri(), u.reason())));
        unwritten.forEach(u -> out.append(String.format("  not written %s: %s%n", u.uri(), u.reason())));
        return out.toString();
    }
}
