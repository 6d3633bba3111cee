package io.marquee.indexer.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import io.marquee.movie.MovieJson;

/**
 * The dead-letter queue, for an operator: what is in it and why ({@link #peek}), and putting it back on the ingest
 * queue once the cause is fixed ({@link #replay}). Works the same against SQS and ElasticMQ (no redrive task needed).
 */
public final class DeadLetters {

    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final PipelineProperties properties;
    private final S3EventMessages messages = new S3EventMessages(MovieJson.objectMapper());

    DeadLetters(SqsClient sqs, PipelineProperties properties) {
        this.sqs = sqs;
        this.properties = properties;
    }

    /** Up to {@code max} dead letters, left where they are (received with no visibility timeout). */
    public List<Letter> peek(int max) {
        Map<String, Letter> seen = new LinkedHashMap<>();
        while (seen.size() < max) {
            List<Message> received = receive(0, Math.min(BATCH, max - seen.size()));
            int before = seen.size();
            received.forEach(message -> seen.putIfAbsent(message.messageId(), letter(message)));
            if (seen.size() == before) {
                break;
            }
        }
        return List.copyOf(seen.values());
    }

    /**
     * Moves up to {@code max} dead letters back to the ingest queue, each sent there before it is deleted here. Only
     * letters already dead when the replay began are moved: one that fails again at once (a message that is no S3
     * event) comes back as a new letter, and is left for the operator rather than replayed in a loop.
     */
    public int replay(int max) {
        long started = System.currentTimeMillis();
        int moved = 0;
        while (moved < max) {
            List<Message> received = receive((int) properties.visibilityTimeout().toSeconds(), Math.min(BATCH, max - moved));
            int movedBefore = moved;
            for (Message message : received) {
                if (sentAt(message) >= started) {
                    sqs.changeMessageVisibility(c -> c.queueUrl(deadLetterQueue()).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
                    continue;
                }
                sqs.sendMessage(s -> s.queueUrl(properties.queueUrl()).messageBody(message.body()));
                sqs.deleteMessage(d -> d.queueUrl(deadLetterQueue()).receiptHandle(message.receiptHandle()));
                moved++;
            }
            if (moved == movedBefore) {
                break;
            }
        }
        return moved;
    }

    private static long sentAt(Message message) {
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        return sent == null ? 0 : Long.parseLong(sent);
    }

    private List<Message> receive(int visibilitySeconds, int count) {
        return sqs.receiveMessage(r -> r.queueUrl(deadLetterQueue()).maxNumberOfMessages(count).waitTimeSeconds(1)
                .visibilityTimeout(visibilitySeconds).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENT_TIMESTAMP))
                .messages();
    }

    private String deadLetterQueue() {
        if (properties.deadLetterQueueUrl() == null || properties.deadLetterQueueUrl().isBlank()) {
            throw new IllegalArgumentException("marquee.indexer.pipeline.dead-letter-queue-url is not set");
        }
        return properties.deadLetterQueueUrl();
    }

    private Letter letter(Message message) {
        List<String> objects = new ArrayList<>();
        if (messages.parse(message.body()) instanceof S3EventMessages.Events events) {
            events.events().forEach(event -> objects.add(event.eventName() + " s3://" + event.bucket() + "/" + event.key()));
        }
        var reason = message.messageAttributes().get("marquee-reason");
        long sent = sentAt(message);
        return new Letter(message.messageId(), sent == 0 ? null : Instant.ofEpochMilli(sent),
                reason == null ? "failed on every receive the redrive policy allows" : reason.stringValue(), objects);
    }

    /** A dead letter: when it was sent, why it is here, and the objects its events name (none when it is not an S3 event). */
    public record Letter(String messageId, Instant sentAt, String reason, List<String> objects) {
    }
}
