package io.marquee.indexer.pipeline;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One S3 event record: what happened to which object.
 *
 * @param key the object key, already URL-decoded
 */
public record ObjectEvent(String eventName, String bucket, String key, String versionId, String etag, String sequencer,
        String eventTime) {

    public boolean created() {
        return eventName.startsWith("ObjectCreated:");
    }

    public boolean removed() {
        return eventName.startsWith("ObjectRemoved:");
    }

    /** When S3 says it happened, if the event says so readably. */
    public Optional<Instant> happenedAt() {
        if (eventTime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(eventTime));
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}
