package io.marquee.indexer.pipeline;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads SQS message bodies as S3 sends them: an event notification ({@code Records[]}), the {@code s3:TestEvent}
 * S3 sends when notifications are configured, or either wrapped in an SNS envelope. Anything else is
 * {@link Unrecognised}, with the reason.
 */
final class S3EventMessages {

    private final ObjectMapper json;

    S3EventMessages(ObjectMapper json) {
        this.json = json;
    }

    Parsed parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (JsonProcessingException ex) {
            return new Unrecognised("not JSON: " + ex.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new Unrecognised("not a JSON object");
        }
        if ("Notification".equals(root.path("Type").asText()) && root.path("Message").isTextual()) {
            return parse(root.path("Message").textValue());
        }
        if ("s3:TestEvent".equals(root.path("Event").asText())) {
            return new TestEvent();
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            return new Unrecognised("neither an S3 event notification (Records[]), an s3:TestEvent nor an SNS envelope");
        }
        List<ObjectEvent> events = new ArrayList<>();
        for (JsonNode record : records) {
            String eventName = record.path("eventName").asText("");
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText("");
            String rawKey = s3.path("object").path("key").asText("");
            if (!"aws:s3".equals(record.path("eventSource").asText("aws:s3")) || eventName.isEmpty() || bucket.isEmpty() || rawKey.isEmpty()) {
                return new Unrecognised("an event record lacks eventName, bucket or key");
            }
            String key;
            try {
                key = decodeKey(rawKey);
            }
            catch (IllegalArgumentException ex) {
                return new Unrecognised("an event record's key is not URL-encoded as S3 encodes keys (" + ex.getMessage() + ")");
            }
            events.add(new ObjectEvent(eventName, bucket, key, text(s3.path("object").path("versionId")),
                    text(s3.path("object").path("eTag")), text(s3.path("object").path("sequencer")), text(record.path("eventTime"))));
        }
        return new Events(events);
    }

    /** S3 URL-encodes keys in notifications, with spaces as '+'; a malformed escape is an IllegalArgumentException. */
    static String decodeKey(String key) {
        return URLDecoder.decode(key, StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    /** What a message body turned out to be. */
    sealed interface Parsed permits Events, TestEvent, Unrecognised {
    }

    /** Object events to act on. */
    record Events(List<ObjectEvent> events) implements Parsed {

        Events {
            events = List.copyOf(events);
        }
    }

    /** S3's check that the queue is reachable: acknowledged and ignored. */
    record TestEvent() implements Parsed {
    }

    /** A message that is not for us; moved aside, never retried. */
    record Unrecognised(String reason) implements Parsed {
    }
}
