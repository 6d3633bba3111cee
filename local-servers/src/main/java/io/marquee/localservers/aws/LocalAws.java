package io.marquee.localservers.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local stand-ins for the ingest bucket and queues: S3Proxy with the bucket created, and ElasticMQ with the
 * ingest queue and its dead-letter queue, joined by a redrive policy as in production.
 */
public final class LocalAws implements AutoCloseable {

    private final LocalS3 s3;
    private final LocalSqs sqs;
    private final Names names;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    private LocalAws(LocalS3 s3, LocalSqs sqs, Names names, String queueUrl, String deadLetterQueueUrl) {
        this.s3 = s3;
        this.sqs = sqs;
        this.names = names;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    public static LocalAws start(Path s3Directory, Names names) {
        return start(LocalS3.start(s3Directory), names);
    }

    /** The same, with a bucket that versions its objects as the production ingest bucket does ({@link LocalS3#startVersioned}). */
    public static LocalAws startVersioned(Path s3Directory, Names names) {
        return start(LocalS3.startVersioned(s3Directory), names);
    }

    private static LocalAws start(LocalS3 s3, Names names) {
        LocalSqs sqs = LocalSqs.start();
        AwsEndpoint endpoint = endpoint(s3.uri(), sqs.uri());
        try (S3Client s3Client = s3Client(endpoint); SqsClient sqsClient = sqsClient(endpoint)) {
            if (s3Client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(names.bucket()))) {
                s3Client.createBucket(b -> b.bucket(names.bucket()));
            }
            String dlq = sqsClient.createQueue(q -> q.queueName(names.deadLetterQueue())).queueUrl();
            String dlqArn = sqsClient.getQueueAttributes(a -> a.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String queue = sqsClient.createQueue(q -> q.queueName(names.queue()).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(names.visibilityTimeoutSeconds()),
                    QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"" + names.maxReceiveCount()
                            + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
            return new LocalAws(s3, sqs, names, queue, dlq);
        }
        catch (RuntimeException ex) {
            sqs.close();
            s3.close();
            throw ex;
        }
    }

    /** The bucket's server, to stop and resume in fault tests. */
    public LocalS3 s3() {
        return s3;
    }

    public AwsEndpoint endpoint() {
        return endpoint(s3.uri(), sqs.uri());
    }

    public Names names() {
        return names;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    public S3Client s3Client() {
        return s3Client(endpoint());
    }

    public SqsClient sqsClient() {
        return sqsClient(endpoint());
    }

    @Override
    public void close() {
        try {
            sqs.close();
        }
        finally {
            s3.close();
        }
    }

    /** Messages on a queue, waiting or being worked on: zero once everything sent has been handled. */
    public static int queueDepth(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    static AwsEndpoint endpoint(URI s3, URI sqs) {
        return new AwsEndpoint(s3, sqs, AwsEndpoint.REGION, AwsEndpoint.ACCESS_KEY, AwsEndpoint.SECRET_KEY);
    }

    public static S3Client s3Client(AwsEndpoint endpoint) {
        return S3Client.builder().endpointOverride(endpoint.s3()).forcePathStyle(true).region(Region.of(endpoint.region()))
                .credentialsProvider(credentials(endpoint)).build();
    }

    public static SqsClient sqsClient(AwsEndpoint endpoint) {
        return SqsClient.builder().endpointOverride(endpoint.sqs()).region(Region.of(endpoint.region()))
                .credentialsProvider(credentials(endpoint)).build();
    }

    private static StaticCredentialsProvider credentials(AwsEndpoint endpoint) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoint.accessKey(), endpoint.secretKey()));
    }

    /**
     * The bucket and queues to create.
     *
     * @param maxReceiveCount receives after which SQS moves a message to the dead-letter queue
     */
    public record Names(String bucket, String queue, String deadLetterQueue, int visibilityTimeoutSeconds, int maxReceiveCount) {

        public static Names defaults() {
            return new Names("marquee-ingest", "marquee-ingest", "marquee-ingest-dlq", 30, 5);
        }
    }
}
