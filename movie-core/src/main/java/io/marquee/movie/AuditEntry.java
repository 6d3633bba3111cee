package io.marquee.movie;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change to one movie, as recorded in the append-only audit trail ({@code movies-audit}): what happened,
 * which fields changed, where the change came from, when, and which indexer applied it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(String movieId, String action, List<String> changedFields, String provider, String bucket, String key,
        String versionId, String etag, String sequencer, String uri, Long position, Long version, Instant at, String indexer) {

    public AuditEntry {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /**
     * The kind of change, as stored: {@code create}, {@code update}, {@code delete} of a movie, or
     * {@code object-removed} for a delivery removed from the bucket (which changes no movie).
     */
    public enum Action {
        CREATE, UPDATE, DELETE, OBJECT_REMOVED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A deterministic id: the same change applied again (a redelivered message) overwrites its own entry instead
     * of adding another.
     */
    public String id() {
        if (movieId == null) {
            // A delivery-level event (an object removed): S3's sequencer orders and identifies it.
            return "object:" + bucket + "/" + key + ":" + action + ":" + (sequencer != null ? sequencer : at.toEpochMilli());
        }
        return movieId + ":" + action + ":" + (version == null ? at.toEpochMilli() : version)
                + ":" + Integer.toHexString(String.join(",", changedFields).hashCode());
    }
}
