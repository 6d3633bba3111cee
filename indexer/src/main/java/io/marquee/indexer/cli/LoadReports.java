package io.marquee.indexer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.marquee.indexer.load.LoadReport;

/** The words an operator reads after {@code load}: the counts, the rejections by kind, then each file or record that needs them. */
final class LoadReports {

    private LoadReports() {
    }

    static List<String> lines(LoadReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("files: %d, records read: %d, indexed: %d (created %d, updated %d), deleted: %d, "
                + "stale: %d, rejected: %d, failed: %d, junk entries dropped: %d, retries: %d", report.files(), report.read(), report.indexed(),
                report.created(), report.updated(), report.deleted(), report.stale(), report.rejected(), report.failures().size(),
                report.droppedEntries(), report.retries()));
        lines.add(String.format("took %.1f s (%.0f records/s)", report.took().toMillis() / 1000.0, report.recordsPerSecond()));
        report.rejectionsByReason().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> lines.add(String.format("  rejected %d × %s", e.getValue(), e.getKey())));
        report.rejections().forEach(r -> lines.add(String.format("  rejected %s record %d (line %d): %s", r.uri(), r.position(), r.line(),
                r.reason())));
        report.failures().forEach(f -> lines.add(String.format("  failed %s record %d (%s): %s", f.uri(), f.position(), f.id(), f.reason())));
        report.unreadable().forEach(u -> lines.add(String.format("  unreadable %s: %s", u.uri(), u.reason())));
        report.unwritten().forEach(u -> lines.add(String.format("  not written %s: %s", u.uri(), u.reason())));
        return lines;
    }
}
