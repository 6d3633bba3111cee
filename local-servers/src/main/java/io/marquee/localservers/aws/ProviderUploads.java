package io.marquee.localservers.aws;

import java.nio.file.Path;
import java.time.Instant;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What a provider's delivery looks like from outside: a PUT to the bucket, then (standing in for S3's
 * notification) the event S3 would publish to the queue.
 */
public final class ProviderUploads {

    private final S3Client s3;
    private final SqsClient sqs;
    private final String region;
    private final String bucket;
    private final String queueUrl;

    public ProviderUploads(S3Client s3, SqsClient sqs, String region, String bucket, String queueUrl) {
        this.s3 = s3;
        this.sqs = sqs;
        this.region = region;
        this.bucket = bucket;
        this.queueUrl = queueUrl;
    }

    public static ProviderUploads to(LocalAws aws) {
        return new ProviderUploads(aws.s3Client(), aws.sqsClient(), aws.endpoint().region(), aws.names().bucket(), aws.queueUrl());
    }

    /** Uploads content under {@code key} without announcing it. */
    public PutObjectResponse put(String key, RequestBody body) {
        return s3.putObject(p -> p.bucket(bucket).key(key), body);
    }

    /** Uploads and announces, as S3 with notifications would. */
    public String deliver(String key, String content) {
        PutObjectResponse put = put(key, RequestBody.fromString(content));
        return announce(key, content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, put.eTag(), put.versionId(), Instant.now());
    }

    public String deliver(String key, Path file) {
        PutObjectResponse put = put(key, RequestBody.fromFile(file));
        return announce(key, file.toFile().length(), put.eTag(), put.versionId(), Instant.now());
    }

    /**
     * Publishes the created-event for an object already in the bucket (again, for a duplicate or late delivery),
     * stamped as S3 stamps it: with when that upload happened (its Last-Modified), not with now.
     */
    public String announce(String key, long size, String etag, String versionId) {
        Instant uploaded = s3.headObject(h -> {
            h.bucket(bucket).key(key);
            if (versionId != null) {
                h.versionId(versionId);
            }
        }).lastModified();
        return announce(key, size, etag, versionId, uploaded);
    }

    private String announce(String key, long size, String etag, String versionId, Instant at) {
        String event = S3EventNotifications.objectCreated(region, bucket, key, size, etag, versionId, at);
        send(event);
        return event;
    }

    public void send(String body) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body));
    }
}
