package io.marquee.localservers.aws;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAwsIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void storesObjectsAndDeadLettersMessagesReceivedTooOften() {
        LocalAws.Names names = new LocalAws.Names("bucket-a", "queue-a", "queue-a-dlq", 1, 2);
        try (LocalAws aws = LocalAws.start(dir, names); S3Client s3 = aws.s3Client(); SqsClient sqs = aws.sqsClient()) {
            s3.putObject(p -> p.bucket("bucket-a").key("incoming/p/movies.json"), RequestBody.fromString("[]"));
            assertThat(s3.getObjectAsBytes(g -> g.bucket("bucket-a").key("incoming/p/movies.json")).asUtf8String()).isEqualTo("[]");
            assertThat(s3.headObject(h -> h.bucket("bucket-a").key("incoming/p/movies.json")).eTag()).isNotBlank();

            sqs.sendMessage(m -> m.queueUrl(aws.queueUrl()).messageBody("poison"));
            for (int receive = 0; receive < 2; receive++) {
                List<Message> got = sqs.receiveMessage(r -> r.queueUrl(aws.queueUrl()).waitTimeSeconds(3)).messages();
                assertThat(got).hasSize(1);
                sleep(1200);
            }
            List<Message> third = sqs.receiveMessage(r -> r.queueUrl(aws.queueUrl()).waitTimeSeconds(2)).messages();
            assertThat(third).isEmpty();
            List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(aws.deadLetterQueueUrl()).waitTimeSeconds(3)).messages();
            assertThat(dead).extracting(Message::body).containsExactly("poison");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
