package io.marquee.indexer.index;

import java.util.List;

/**
 * What the writer did: documents created, updated and deleted, writes skipped because the index already held a
 * newer version (stale), deletions of movies that were not there, and failures no retry could fix (each with
 * the record's position and Elasticsearch's reason), plus how many retries it took.
 */
public record WriteOutcome(long created, long updated, long deleted, long notFound, long stale, List<Failure> failures,
        long retries) {

    public WriteOutcome {
        failures = List.copyOf(failures);
    }

    public long indexed() {
        return created + updated;
    }

    /**
     * One document Elasticsearch would not take; {@code retryable} when it failed for want of an answer or
     * capacity (unreachable, 429, 5xx) rather than because Elasticsearch refused it.
     */
    public record Failure(String uri, long position, String id, String reason, boolean retryable) {
    }
}
