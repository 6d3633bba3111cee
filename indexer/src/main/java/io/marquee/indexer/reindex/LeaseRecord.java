package io.marquee.indexer.reindex;

import java.time.Instant;

/**
 * The lease that lets one indexer at a time change which movie index is live (reindex, flip, rollback, prune).
 * It expires unless renewed, so a crashed holder blocks nobody for long.
 *
 * @param kind always {@value #KIND}
 * @param owner the holder's instance id
 * @param operation what the holder is doing, e.g. {@code reindex --from s3}
 * @param target the index the operation builds or moves the aliases to
 */
public record LeaseRecord(String kind, String owner, String operation, String target, Instant acquiredAt, Instant expiresAt) {

    public static final String KIND = "lease";
    public static final String ID = "lease";

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public LeaseRecord renewedUntil(Instant until) {
        return new LeaseRecord(KIND, owner, operation, target, acquiredAt, until);
    }
}
