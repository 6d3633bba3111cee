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
}
