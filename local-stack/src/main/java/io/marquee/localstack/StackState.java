package io.marquee.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.marquee.localservers.aws.AwsEndpoint;
import io.marquee.localservers.aws.LocalAws;

/**
 * Where the running stack's servers are, and its API's admin key (made afresh for each run), written to
 * {@code .local/stack.env} (shell-sourceable, so the AWS CLI and curl can use it) for {@code make load} and people.
 */
record StackState(String elasticsearch, String s3, String sqs, String queueUrl, String deadLetterQueueUrl, String bucket, String region,
        String accessKey, String secretKey, String adminKey) {

    static final String FILE = "stack.env";

    static StackState of(String elasticsearch, LocalAws aws, String adminKey) {
        AwsEndpoint endpoint = aws.endpoint();
        return new StackState(elasticsearch, endpoint.s3().toString(), endpoint.sqs().toString(), aws.queueUrl(), aws.deadLetterQueueUrl(),
                aws.names().bucket(), endpoint.region(), endpoint.accessKey(), endpoint.secretKey(), adminKey);
    }

    AwsEndpoint aws() {
        return new AwsEndpoint(java.net.URI.create(s3), java.net.URI.create(sqs), region, accessKey, secretKey);
    }

    void write(Path dir) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ES_URL", elasticsearch);
        values.put("MARQUEE_S3", s3);
        values.put("MARQUEE_SQS", sqs);
        values.put("MARQUEE_QUEUE_URL", queueUrl);
        values.put("MARQUEE_DEAD_LETTER_QUEUE_URL", deadLetterQueueUrl);
        values.put("MARQUEE_BUCKET", bucket);
        values.put("AWS_DEFAULT_REGION", region);
        values.put("AWS_ACCESS_KEY_ID", accessKey);
        values.put("AWS_SECRET_ACCESS_KEY", secretKey);
        values.put("MARQUEE_ADMIN_KEY", adminKey);
        StringBuilder env = new StringBuilder("# The running local stack (make run); source it to use the AWS CLI against it.\n");
        values.forEach((key, value) -> env.append("export ").append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE), env.toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static StackState read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No running stack (" + file + " is missing): start one with 'make run' first");
        }
        Properties values = new Properties();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("export ")) {
                    String[] pair = line.substring("export ".length()).split("=", 2);
                    values.setProperty(pair[0], pair[1]);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new StackState(values.getProperty("ES_URL"), values.getProperty("MARQUEE_S3"), values.getProperty("MARQUEE_SQS"),
                values.getProperty("MARQUEE_QUEUE_URL"), values.getProperty("MARQUEE_DEAD_LETTER_QUEUE_URL"), values.getProperty("MARQUEE_BUCKET"),
                values.getProperty("AWS_DEFAULT_REGION"), values.getProperty("AWS_ACCESS_KEY_ID"), values.getProperty("AWS_SECRET_ACCESS_KEY"),
                values.getProperty("MARQUEE_ADMIN_KEY"));
    }

    static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
