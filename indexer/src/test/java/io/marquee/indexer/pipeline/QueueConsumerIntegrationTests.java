package io.marquee.indexer.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import org.springframework.boot.actuate.health.Status;

import io.marquee.indexer.PipelineTestSupport;
import io.marquee.movie.MovieJson;
import io.marquee.localservers.aws.LocalAws;
import io.marquee.localservers.aws.S3EventNotifications;

import static io.marquee.indexer.PipelineTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's workers against a real queue (ElasticMQ), with whatever its events' handling throws: a worker
 * survives every failure a message can cause, each such message ends up deleted or in the dead-letter queue with
 * its reason, and only an error that leaves the JVM in doubt ends a worker, which health then reports.
 */
class QueueConsumerIntegrationTests {

    private static final LocalAws AWS = PipelineTestSupport.startAws(new LocalAws.Names("consumer", "consumer", "consumer-dlq", 10, 2));
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final SqsClient sqs = AWS.sqsClient();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final PipelineProperties properties = new PipelineProperties(AWS.queueUrl(), AWS.deadLetterQueueUrl(), "consumer", 2,
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(28));
    private final QueueConsumer consumer = new QueueConsumer(sqs, new S3EventMessages(MovieJson.objectMapper()), this::handle,
            MovieJson.objectMapper(), properties, new IngestMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), Clock.systemUTC());
    private final ConsumerWorkersHealthIndicator health = new ConsumerWorkersHealthIndicator(consumer);

    @AfterEach
    void stop() {
        consumer.stop();
        sqs.purgeQueue(p -> p.queueUrl(AWS.queueUrl()));
        sqs.purgeQueue(p -> p.queueUrl(AWS.deadLetterQueueUrl()));
    }

    @AfterAll
    static void stopAws() {
        AWS.close();
    }

    private ObjectIngest.Result handle(ObjectEvent event) {
        String name = event.key().substring(event.key().lastIndexOf('/') + 1);
        switch (name) {
            case "overflow.json" -> throw new StackOverflowError();
            case "flaky.json" -> throw new IllegalStateException("the store is down");
            case "linkage.json" -> throw new NoClassDefFoundError("io/marquee/Gone");
            case "out-of-memory.json" -> throw new OutOfMemoryError("Java heap space");
            default -> {
                handled.add(name);
                return ObjectIngest.Result.INDEXED;
            }
        }
    }

    @Test
    void aStackOverflowMovesItsMessageAsideAndTheWorkersCarryOn() {
        consumer.start();
        send("overflow.json");
        send("linkage.json");
        send("after.json");

        await("the message after them handled", PATIENCE, () -> handled.contains("after.json"));
        List<Message> dead = awaitDeadLetters(2);
        assertThat(dead).extracting(this::reason).anySatisfy(reason -> assertThat(reason).contains("java.lang.StackOverflowError"))
                .anySatisfy(reason -> assertThat(reason).contains("java.lang.NoClassDefFoundError: io/marquee/Gone"));
        assertThat(consumer.workersRunning()).isEqualTo(2);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aMessageThatFailsOnEveryReceiveGoesAsideWithItsLastReason() {
        consumer.start();
        send("flaky.json");

        List<Message> dead = awaitDeadLetters(1);
        assertThat(reason(dead.get(0))).isEqualTo("failed on each of 2 receives, last with java.lang.IllegalStateException: the store is down");
        assertThat(consumer.workersRunning()).isEqualTo(2);
    }

    @Test
    void aMalformedKeyEscapeIsNoEventAndGoesAsideAtOnce() {
        consumer.start();
        sqs.sendMessage(m -> m.queueUrl(AWS.queueUrl()).messageBody(event("fine.json").replace("fine.json", "100%zz.json")));
        send("fine.json");

        await("the next message handled", PATIENCE, () -> handled.contains("fine.json"));
        assertThat(awaitDeadLetters(1)).singleElement()
                .satisfies(m -> assertThat(reason(m)).startsWith("an event record's key is not URL-encoded as S3 encodes keys"));
        assertThat(consumer.workersRunning()).isEqualTo(2);
    }

    @Test
    void anErrorThatLeavesTheJvmInDoubtEndsOnlyItsWorkerAndHealthSaysSo() {
        consumer.start();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        send("out-of-memory.json");

        assertThat(awaitDeadLetters(1)).singleElement().satisfies(m -> assertThat(reason(m)).contains("java.lang.OutOfMemoryError"));
        await("the worker gone", PATIENCE, () -> consumer.workersRunning() == 1);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("workers", 1).containsEntry("configured", 2);
        send("still-served.json");
        await("the other worker still consuming", PATIENCE, () -> handled.contains("still-served.json"));
    }

    @Test
    void anEventOlderThanDeletionsAreRememberedGoesAsideWithItsReason() {
        consumer.start();
        java.time.Instant longAgo = java.time.Instant.now().minus(Duration.ofDays(29));
        sqs.sendMessage(m -> m.queueUrl(AWS.queueUrl()).messageBody(S3EventNotifications.objectCreated("us-east-1", "consumer",
                "incoming/wikipedia/ancient.json", 10, "etag", null, longAgo)));
        send("recent.json");

        await("the recent one handled", PATIENCE, () -> handled.contains("recent.json"));
        assertThat(awaitDeadLetters(1)).singleElement().satisfies(m -> assertThat(reason(m)).isEqualTo("the event of "
                + "s3://consumer/incoming/wikipedia/ancient.json happened at " + longAgo + ", more than 28 days ago: the index may have "
                + "forgotten deletions since, so it is not applied; deliver the file again to apply it"));
        assertThat(handled).doesNotContain("ancient.json");
    }

    private void send(String name) {
        sqs.sendMessage(m -> m.queueUrl(AWS.queueUrl()).messageBody(event(name)));
    }

    private static String event(String name) {
        return S3EventNotifications.objectCreated("us-east-1", "consumer", "incoming/wikipedia/" + name, 10, "etag", null);
    }

    private String reason(Message message) {
        return message.messageAttributes().get("marquee-reason").stringValue();
    }

    private List<Message> awaitDeadLetters(int expected) {
        List<Message> dead = new ArrayList<>();
        await(expected + " dead letters", PATIENCE, () -> {
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(AWS.deadLetterQueueUrl()).waitTimeSeconds(1).maxNumberOfMessages(10)
                    .messageAttributeNames("All")).messages();
            received.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(AWS.deadLetterQueueUrl()).receiptHandle(m.receiptHandle())));
            dead.addAll(received);
            return dead.size() >= expected;
        });
        return dead;
    }
}
