package io.marquee.schema;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One change to one movie, as recorded in the append-only audit trail ({@code movies-audit}): what happened,
 * which fields changed, where the change came from, when, and which indexer applied it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(String movieId, Action action, List<String> changedFields, String provider, String bucket, String key,
        String versionId, String etag, String sequencer, String uri, Long position, Long version, Instant at, String indexer) {

    public AuditEntry {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** The kind of change. */
    public enum Action {
        @JsonProperty("create") CREATE,
        @JsonProperty("update") UPDATE,
        @JsonProperty("delete") DELETE
    }

    /**
     * A deterministic id: the same change applied again (a redelivered message) overwrites its own entry instead
     * of adding another.
     */
    public String id() {
        return movieId + ":" + action.name().toLowerCase(java.util.Locale.ROOT) + ":" + (version == null ? at.toEpochMilli() : version)
                + ":" + Integer.toHexString(String.join(",", changedFields).hashCode());
    }
}
