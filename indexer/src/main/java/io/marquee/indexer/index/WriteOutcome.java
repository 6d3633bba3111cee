package io.marquee.indexer.index;

import java.util.List;

/**
 * What the writer did: documents created and updated, and failures that no retry could fix (each with the
 * record's position and Elasticsearch's reason), plus how many retries it took.
 */
public record WriteOutcome(long created, long updated, List<Failure> failures, long retries) {

    public WriteOutcome {
        failures = List.copyOf(failures);
    }

    public long indexed() {
        return created + updated;
    }

    /** One document Elasticsearch would not take. */
    public record Failure(String uri, long position, String id, String reason) {
    }
}
