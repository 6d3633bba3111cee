package io.marquee.indexer.cli;

import java.util.ArrayList;
import java.util.List;

import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.indexer.reindex.LeaseRecord;
import io.marquee.indexer.reindex.ReindexStep;
import io.marquee.indexer.reindex.Reindexer;
import io.marquee.schema.IndexNames;

/** The words an operator reads for each step of {@code status}, {@code reindex}, {@code flip}, {@code rollback} and {@code prune}. */
final class ReindexReports {

    private final IndexNames names;

    ReindexReports(IndexNames names) {
        this.names = names;
    }

    List<String> lines(Reindexer.Report report) {
        return lines(report.steps());
    }

    List<String> lines(List<ReindexStep> steps) {
        List<String> lines = new ArrayList<>();
        steps.forEach(step -> say(step, lines));
        return lines;
    }

    private void say(ReindexStep step, List<String> lines) {
        if (step instanceof ReindexStep.DryRun dry) {
            lines.add("dry run: nothing changed");
            lines.add("would create " + dry.target() + " from the current templates and fill it from "
                    + (dry.source() == Reindexer.Source.INDEX ? "the live index " + dry.live() : dry.s3Objects() + " objects under incoming/ in S3"));
            lines.add("live index " + dry.live() + " holds " + dry.liveMovies() + " movies");
            if (dry.heldBy() != null) {
                lines.add("would be refused now: " + dry.heldBy().operation() + " holds the lease until " + dry.heldBy().expiresAt());
            }
            lines.add(dry.flip() ? "would flip " + aliases() + " to " + dry.target() + " if it passes the gate"
                    : "would leave " + dry.target() + " built and kept in step, for 'indexer flip'");
        }
        else if (step instanceof ReindexStep.CleanedUp cleaned) {
            lines.add("cleaned up " + cleaned.index() + ", left half-built by " + cleaned.owner() + " (lease expired " + cleaned.leaseExpired() + ")");
        }
        else if (step instanceof ReindexStep.Created created) {
            lines.add("created " + created.index() + "; every write now reaches it through " + names.mirrorAlias());
        }
        else if (step instanceof ReindexStep.Copied copied) {
            lines.add("copied " + copied.read() + " movies from " + copied.from() + " (" + copied.newerThere() + " already newer in " + copied.into()
                    + ", " + copied.failed() + " failed, " + copied.renamed() + " with a changed id not copied)");
        }
        else if (step instanceof ReindexStep.Replayed replayed) {
            lines.add("replayed " + replayed.objects() + " objects (" + replayed.records() + " records) into " + replayed.into()
                    + "; the live index holds " + replayed.liveMovies() + " movies");
        }
        else if (step instanceof ReindexStep.CaughtUp caught) {
            lines.add("caught up " + caught.changed() + " movies changed since " + caught.since());
        }
        else if (step instanceof ReindexStep.TombstonesCarried carried) {
            lines.add("carried " + carried.count() + " delete tombstones of the last " + carried.retention());
        }
        else if (step instanceof ReindexStep.Ranked ranked) {
            lines.add("ranked " + ranked.movies() + " movies and " + ranked.people() + " people; " + ranked.rewritten()
                    + " documents took new prominence scores (" + ranked.newerMeanwhile() + " newer meanwhile, " + ranked.failed() + " failed)");
        }
        else if (step instanceof ReindexStep.GatePassed passed) {
            lines.add("gate passed: " + passed.index() + " holds " + passed.actual() + " movies (expected " + passed.expected() + "), green");
        }
        else if (step instanceof ReindexStep.GateFailed failed) {
            lines.add(failed.leftForInspection()
                    ? "gate failed; the aliases are unchanged and " + failed.index() + " is left for inspection (indexer prune removes it):"
                    : "gate failed; the aliases are unchanged:");
            failed.failures().forEach(failure -> lines.add("  - " + failure));
        }
        else if (step instanceof ReindexStep.Flipped flipped) {
            lines.add("flipped " + aliases() + " from " + flipped.from() + " to " + flipped.to() + " in one request; " + flipped.from()
                    + " keeps every write for 'indexer rollback'");
        }
        else if (step instanceof ReindexStep.KeptInStep kept) {
            lines.add(kept.index() + " is built and kept in step; 'indexer flip' makes it live");
        }
        else if (step instanceof ReindexStep.Took took) {
            lines.add("took " + took.duration().toMillis() + " ms");
        }
        else if (step instanceof ReindexStep.NothingToFlip) {
            lines.add("nothing to flip: no candidate index is built (run 'indexer reindex')");
        }
        else if (step instanceof ReindexStep.NothingToRollBack nothing) {
            lines.add("nothing to roll back to: no previous index" + (nothing.gone() == null ? "" : " (" + nothing.gone() + " is gone)"));
        }
        else if (step instanceof ReindexStep.RolledBack back) {
            lines.add("rolled back: " + names.readAlias() + " and " + names.writeAlias() + " point to " + back.to() + " again; " + back.from()
                    + " keeps receiving every write, so 'indexer rollback' again returns to it");
        }
        else if (step instanceof ReindexStep.Kept kept) {
            lines.add("kept " + kept.index() + (kept.role() == null ? "" : " (" + kept.role() + ")"));
        }
        else if (step instanceof ReindexStep.Deleted deleted) {
            lines.add("deleted " + deleted.index());
        }
        else if (step instanceof ReindexStep.Status status) {
            status(status, lines);
        }
        else {
            throw new IllegalStateException("No words for " + step);
        }
    }

    private void status(ReindexStep.Status status, List<String> lines) {
        lines.add(String.format("%-24s %7s %10s %10s %-20s %-7s %s", "index", "version", "movies", "size", "created", "health", "role"));
        for (ReindexStep.IndexRow row : status.indices()) {
            MovieIndexAdmin.IndexInfo index = row.info();
            lines.add(String.format("%-24s %7d %10d %10s %-20s %-7s %s%s", index.name(), index.version(), index.documents(),
                    size(index.sizeBytes()), index.createdAt() == null ? "" : index.createdAt().toString().substring(0, 19), index.health(),
                    row.role() == null ? "" : row.role(), index.aliases().isEmpty() ? "" : " " + index.aliases()));
        }
        lines.add(names.readAlias() + " -> " + orNone(status.readIndex()) + ", " + names.writeAlias() + " -> " + orNone(status.writeIndex()) + ", "
                + names.mirrorAlias() + " -> " + orNone(status.mirrorIndex()));
        if (status.flippedAt() != null) {
            lines.add("last flip " + status.flippedAt() + "; rollback target " + status.previous());
        }
        LeaseRecord lease = status.lease();
        if (lease == null) {
            lines.add("no reindex in progress");
        }
        else if (status.leaseExpired()) {
            lines.add("abandoned: " + lease.operation() + " of " + lease.target() + " by " + lease.owner() + " (lease expired " + lease.expiresAt()
                    + "; the next reindex cleans it up)");
        }
        else {
            lines.add("in progress: " + lease.operation() + " of " + lease.target() + " by " + lease.owner() + " since " + lease.acquiredAt()
                    + " (lease until " + lease.expiresAt() + ")");
        }
    }

    private String aliases() {
        return names.readAlias() + " and " + names.writeAlias();
    }

    private static String orNone(String index) {
        return index == null ? "(none)" : index;
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%.1f kB", bytes / 1024.0);
    }
}
