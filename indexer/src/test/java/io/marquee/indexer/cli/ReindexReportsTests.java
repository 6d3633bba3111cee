package io.marquee.indexer.cli;

import java.time.Instant;
import java.util.List;

import io.marquee.indexer.reindex.LeaseRecord;
import io.marquee.indexer.reindex.ReindexStep;
import io.marquee.indexer.reindex.Reindexer;
import io.marquee.schema.IndexNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReindexReportsTests {

    private final ReindexReports reports = new ReindexReports(IndexNames.defaults());

    @Test
    void aFailedGateSaysWhatFailedAndThatTheCandidateIsLeft() {
        assertThat(reports.lines(List.of(new ReindexStep.GateFailed("movies-v2", List.of("holds 9 movies, expected 10"), true))))
                .containsExactly("gate failed; the aliases are unchanged and movies-v2 is left for inspection (indexer prune removes it):",
                        "  - holds 9 movies, expected 10");
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndWhoWouldRefuseIt() {
        LeaseRecord lease = new LeaseRecord(LeaseRecord.KIND, "pod-1", "flip", "movies-v2", Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-02T10:05:00Z"));

        assertThat(reports.lines(List.of(new ReindexStep.DryRun("movies-v3", Reindexer.Source.S3, "movies-v2", 36254, 13, lease, true))))
                .containsExactly("dry run: nothing changed",
                        "would create movies-v3 from the current templates and fill it from 13 objects under incoming/ in S3",
                        "live index movies-v2 holds 36254 movies",
                        "would be refused now: flip holds the lease until 2026-12-02T10:05:00Z",
                        "would flip movies and movies-write to movies-v3 if it passes the gate");
    }

    @Test
    void statusNamesAnAbandonedOperation() {
        LeaseRecord lease = new LeaseRecord(LeaseRecord.KIND, "pod-1", "reindex --from s3", "movies-v2", Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-02T10:05:00Z"));

        assertThat(reports.lines(List.of(new ReindexStep.Status(List.of(), "movies-v1", "movies-v1", null, null, null, lease, true))))
                .containsExactly(String.format("%-24s %7s %10s %10s %-20s %-7s %s", "index", "version", "movies", "size", "created", "health", "role"),
                        "movies -> movies-v1, movies-write -> movies-v1, movies-mirror -> (none)",
                        "abandoned: reindex --from s3 of movies-v2 by pod-1 (lease expired 2026-12-02T10:05:00Z; the next reindex cleans it up)");
    }
}
