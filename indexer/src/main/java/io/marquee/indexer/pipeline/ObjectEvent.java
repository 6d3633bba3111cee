package io.marquee.indexer.pipeline;

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
}
