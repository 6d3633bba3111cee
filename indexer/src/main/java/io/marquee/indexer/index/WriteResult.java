package io.marquee.indexer.index;

/**
 * The outcome of one successful write, as Elasticsearch reported it.
 *
 * @param version the external version written, or null for unversioned writes
 */
public record WriteResult(String id, Kind kind, String uri, long position, Long version) {

    /** What happened to the document. */
    public enum Kind {
        CREATED, UPDATED, DELETED, NOT_FOUND, STALE
    }
}
