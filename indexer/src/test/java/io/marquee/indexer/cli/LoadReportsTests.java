package io.marquee.indexer.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.marquee.indexer.index.WriteOutcome;
import io.marquee.indexer.load.LoadReport;
import io.marquee.records.RejectionCode;

import static org.assertj.core.api.Assertions.assertThat;

class LoadReportsTests {

    @Test
    void saysTheCountsThenEachKindOfRejectionMostFrequentFirstThenEveryProblem() {
        LoadReport report = new LoadReport(2, 5, 1, 1, 0, 0, 3, 1, 0,
                List.of(new LoadReport.Rejection("file:/a.json", 3, 4, RejectionCode.OUT_OF_RANGE, "year", "year 1850 is outside 1870–2100", "{}")),
                Map.of("out-of-range year", 1L, "blank title", 2L),
                List.of(new WriteOutcome.Failure("file:/a.json", 5, "heat-1995", "mapper_parsing_exception", false)),
                List.of(new LoadReport.UnreadableFile("file:/b.json", "not gzip", false)),
                List.of(new LoadReport.UnwrittenFile("file:/c.json", "cluster unavailable")), Duration.ofMillis(2500));

        assertThat(LoadReports.lines(report)).containsExactly(
                "files: 2, records read: 5, indexed: 2 (created 1, updated 1), deleted: 0, stale: 0, rejected: 3, failed: 1, "
                        + "junk entries dropped: 1, retries: 0",
                "took 2.5 s (2 records/s)",
                "  rejected 2 × blank title",
                "  rejected 1 × out-of-range year",
                "  rejected file:/a.json record 3 (line 4): year 1850 is outside 1870–2100",
                "  failed file:/a.json record 5 (heat-1995): mapper_parsing_exception",
                "  unreadable file:/b.json: not gzip",
                "  not written file:/c.json: cluster unavailable");
    }
}
