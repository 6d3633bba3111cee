package io.marquee.indexer.reindex;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which movie index is live, which one a rollback returns to, and which one is being built (or is built and kept
 * in step, waiting for a flip). Stored in the control index; the aliases are the truth for readers and writers,
 * this adds what the aliases cannot say: when each index stopped or started receiving every write.
 *
 * @param kind always {@value #KIND}
 * @param live the index the read and write aliases point to
 * @param previous the index that was live before the last flip: the rollback target, kept in step through the mirror alias
 * @param flippedAt when the aliases last moved; the previous index has missed no write since
 * @param candidate the index being built or built and not yet live
 * @param candidateSince when the candidate started receiving every write (through the mirror alias)
 * @param candidateMode how the candidate was filled: {@code s3} or {@code index}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexState(String kind, String live, String previous, Instant flippedAt, String candidate, Instant candidateSince,
        String candidateMode) {

    public static final String KIND = "state";
    public static final String ID = "state";

    public IndexState withCandidate(String index, Instant since, String mode) {
        return new IndexState(KIND, live, previous, flippedAt, index, since, mode);
    }

    public IndexState withoutCandidate() {
        return new IndexState(KIND, live, previous, flippedAt, null, null, null);
    }

    /** The state after the aliases moved from the live index to {@code next}; the old live index becomes previous. */
    public IndexState flippedTo(String next, Instant at) {
        return new IndexState(KIND, next, live, at, null, null, null);
    }
}
