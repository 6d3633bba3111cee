package io.marquee.indexer.reindex;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.marquee.indexer.indices.MovieIndexAdmin;

/**
 * What one step of a reindex operation did, as data: {@link Reindexer} returns them in order in its
 * {@link Reindexer.Report}, and the command line says them in words.
 */
public sealed interface ReindexStep {

    /** {@code --dry-run}: what a reindex would do now. {@code heldBy} is the lease that would refuse it, if any. */
    record DryRun(String target, Reindexer.Source source, String live, long liveMovies, int s3Objects, LeaseRecord heldBy, boolean flip)
            implements ReindexStep {
    }

    /** A half-built index that an abandoned operation left, deleted. */
    record CleanedUp(String index, String owner, Instant leaseExpired) implements ReindexStep {
    }

    /** The candidate created from the current templates; every write now reaches it through the mirror alias. */
    record Created(String index) implements ReindexStep {
    }

    /** The candidate filled from the live index. */
    record Copied(String from, String into, long read, long newerThere, int failed, long renamed) implements ReindexStep {
    }

    /** The candidate filled from every delivery under {@code incoming/} in S3. */
    record Replayed(String into, int objects, long records, long liveMovies) implements ReindexStep {
    }

    /** Movies changed in the live index during the fill, carried over. */
    record CaughtUp(long changed, Instant since) implements ReindexStep {
    }

    /** Deletes the live index still remembers, carried over so a replayed old delivery cannot undo them. */
    record TombstonesCarried(long count, String retention) implements ReindexStep {
    }

    /** The candidate's prominence scores computed from its whole catalogue. */
    record Ranked(long movies, int people, long rewritten, long newerMeanwhile, int failed) implements ReindexStep {
    }

    /** The verification gate passed: the candidate holds what it should. */
    record GatePassed(String index, long actual, long expected) implements ReindexStep {
    }

    /** The gate failed; nothing moved. A reindex leaves its candidate for inspection. */
    record GateFailed(String index, List<String> failures, boolean leftForInspection) implements ReindexStep {

        public GateFailed {
            failures = List.copyOf(failures);
        }
    }

    /** The read and write aliases moved in one request; {@code from} keeps every write for a rollback. */
    record Flipped(String from, String to) implements ReindexStep {
    }

    /** The candidate is built and kept in step, waiting for {@code indexer flip}. */
    record KeptInStep(String index) implements ReindexStep {
    }

    /** How long the operation took. */
    record Took(Duration duration) implements ReindexStep {
    }

    /** {@code flip} without a built candidate. */
    record NothingToFlip() implements ReindexStep {
    }

    /** {@code rollback} without a previous index; {@code gone} names it when it existed and was deleted. */
    record NothingToRollBack(String gone) implements ReindexStep {
    }

    /** The aliases back on {@code to}; {@code from} keeps receiving every write. */
    record RolledBack(String to, String from) implements ReindexStep {
    }

    /** {@code prune} kept an index; {@code role} says why, when it is not simply among the newest. */
    record Kept(String index, String role) implements ReindexStep {
    }

    /** {@code prune} deleted an index. */
    record Deleted(String index) implements ReindexStep {
    }

    /**
     * The indices with their roles, where each alias points, the last flip and any operation in progress
     * ({@code lease} null when none; {@code leaseExpired} when it was abandoned).
     */
    record Status(List<IndexRow> indices, String readIndex, String writeIndex, String mirrorIndex, Instant flippedAt, String previous,
            LeaseRecord lease, boolean leaseExpired) implements ReindexStep {

        public Status {
            indices = List.copyOf(indices);
        }
    }

    /** One versioned index of {@link Status}, with its role ({@code live}, {@code candidate}, …) or null. */
    record IndexRow(MovieIndexAdmin.IndexInfo info, String role) {
    }
}
