package io.marquee.localservers.aws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The S3 event notification JSON exactly as S3 sends it to SQS (event structure version 2.1), for local tooling
 * and tests: S3Proxy sends no notifications, so whoever uploads publishes the event S3 would have.
 */
public final class S3EventNotifications {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

    private S3EventNotifications() {
    }

    /** The event of an upload that happened just now. */
    public static String objectCreated(String region, String bucket, String key, long size, String etag, String versionId) {
        return objectCreated(region, bucket, key, size, etag, versionId, Instant.now());
    }

    /** The event of an upload that happened {@code at}: S3 stamps an event with when the upload happened, not when it is delivered. */
    public static String objectCreated(String region, String bucket, String key, long size, String etag, String versionId, Instant at) {
        return record(region, "ObjectCreated:Put", bucket, key, size, etag, versionId, at);
    }

    public static String objectRemoved(String region, String bucket, String key, String versionId) {
        return record(region, "ObjectRemoved:Delete", bucket, key, -1, null, versionId, Instant.now());
    }

    /** What S3 sends once when notifications are first configured on a bucket. */
    public static String testEvent(String bucket) {
        return "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"" + Instant.now() + "\",\"Bucket\":\"" + bucket
                + "\",\"RequestId\":\"" + requestId() + "\",\"HostId\":\"" + UUID.randomUUID() + "\"}";
    }

    /** The same notification delivered through SNS, as a topic subscription without raw delivery wraps it. */
    public static String inSnsEnvelope(String notification) {
        String escaped = notification.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"Type\":\"Notification\",\"MessageId\":\"" + UUID.randomUUID() + "\",\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:"
                + "marquee-ingest\",\"Subject\":\"Amazon S3 Notification\",\"Message\":\"" + escaped + "\",\"Timestamp\":\"" + Instant.now()
                + "\",\"SignatureVersion\":\"1\",\"Signature\":\"EXAMPLE\",\"SigningCertURL\":\"https://sns.us-east-1.amazonaws.com/x.pem\","
                + "\"UnsubscribeURL\":\"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe\"}";
    }

    /** S3 URL-encodes keys in notifications (spaces as '+'), leaving '/' as it is. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String record(String region, String eventName, String bucket, String key, long size, String etag, String versionId,
            Instant at) {
        StringBuilder object = new StringBuilder("{\"key\":\"").append(encodeKey(key)).append('"');
        if (size >= 0) {
            object.append(",\"size\":").append(size);
        }
        if (etag != null) {
            object.append(",\"eTag\":\"").append(etag.replace("\"", "")).append('"');
        }
        if (versionId != null) {
            object.append(",\"versionId\":\"").append(versionId).append('"');
        }
        object.append(",\"sequencer\":\"").append(Long.toHexString(SEQUENCE.incrementAndGet()).toUpperCase(Locale.ROOT)).append("\"}");
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"" + region + "\",\"eventTime\":\""
                + at + "\",\"eventName\":\"" + eventName + "\",\"userIdentity\":{\"principalId\":\"AWS:MARQUEELOCAL\"},"
                + "\"requestParameters\":{\"sourceIPAddress\":\"127.0.0.1\"},\"responseElements\":{\"x-amz-request-id\":\"" + requestId()
                + "\",\"x-amz-id-2\":\"" + UUID.randomUUID() + "\"},\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"marquee-ingest\","
                + "\"bucket\":{\"name\":\"" + bucket + "\",\"ownerIdentity\":{\"principalId\":\"MARQUEELOCAL\"},\"arn\":\"arn:aws:s3:::" + bucket
                + "\"},\"object\":" + object + "}}]}";
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}
