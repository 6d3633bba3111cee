package io.marquee.indexer.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import org.springframework.context.SmartLifecycle;

/**
 * Consumes the ingest queue with a fixed number of workers, each receiving a message only when it is free
 * (bounded concurrency; the queue holds the backlog). A message is deleted only after every object it names is
 * indexed or quarantined. While work goes on, its visibility is extended; after a transient failure it is made
 * visible again after an exponential backoff, and SQS's redrive policy dead-letters it after too many receives.
 * A message that is not an S3 event is moved to the dead-letter queue at once, with its reason.
 * <p>
 * Stopping lets in-flight messages finish within the grace period; any still unfinished then are handed back to
 * the queue. Killing the process loses nothing either: an undeleted message reappears after its visibility
 * timeout, and indexing is idempotent.
 */
public class QueueConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final S3EventMessages messages;
    private final ObjectIngest ingest;
    private final PipelineProperties properties;
    private final IngestMetrics metrics;
    private final AtomicInteger processed = new AtomicInteger();
    private final Set<Message> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ExecutorService workers;
    private ScheduledExecutorService heartbeats;

    QueueConsumer(SqsClient sqs, S3EventMessages messages, ObjectIngest ingest, PipelineProperties properties, IngestMetrics metrics) {
        this.sqs = sqs;
        this.messages = messages;
        this.ingest = ingest;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (properties.queueUrl() == null || properties.queueUrl().isBlank()) {
            throw new IllegalStateException("marquee.indexer.pipeline.queue-url is not set: no queue to consume");
        }
        running = true;
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.concurrency(), r -> new Thread(r, "queue-worker-" + threads.incrementAndGet()));
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "queue-visibility");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < properties.concurrency(); i++) {
            workers.submit(this::poll);
        }
        heartbeats.scheduleWithFixedDelay(() -> metrics.refreshDepths(sqs, properties.queueUrl(), properties.deadLetterQueueUrl()), 0,
                properties.depthInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Consuming {} with {} workers", properties.queueUrl(), properties.concurrency());
    }

    @Override
    public void stop() {
        ExecutorService stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = workers;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(properties.shutdownGrace().toMillis() + properties.waitTime().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} in-flight messages did not finish within {}; returning them to the queue", inFlight.size(),
                        properties.shutdownGrace());
                stopping.shutdownNow();
                inFlight.forEach(message -> retryLater(message, Duration.ZERO));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stopping.shutdownNow();
        }
        heartbeats.shutdownNow();
        log.info("Stopped consuming after {} messages", processed.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        // Started by the 'consume' command, not by every indexer run.
        return false;
    }

    /** Messages handled (deleted or moved aside) since start. */
    public int processed() {
        return processed.get();
    }

    private void poll() {
        while (running) {
            try {
                List<Message> received = sqs.receiveMessage(r -> r.queueUrl(properties.queueUrl()).maxNumberOfMessages(1)
                        .waitTimeSeconds((int) Math.min(20, properties.waitTime().toSeconds()))
                        .visibilityTimeout((int) properties.visibilityTimeout().toSeconds())
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
                received.forEach(this::handle);
            }
            catch (SdkException ex) {
                metrics.receiveFailed();
                log.warn("Receiving from the queue failed, backing off: {}", ex.toString());
                sleep(properties.retryBackoff());
            }
        }
    }

    private void handle(Message message) {
        S3EventMessages.Parsed parsed = messages.parse(message.body());
        if (parsed instanceof S3EventMessages.TestEvent) {
            delete(message);
            metrics.message("deleted");
            return;
        }
        if (parsed instanceof S3EventMessages.Unrecognised unrecognised) {
            moveAside(message, unrecognised.reason());
            metrics.message("dead-lettered");
            return;
        }
        inFlight.add(message);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extend(message), properties.visibilityTimeout().toMillis() / 2,
                properties.visibilityTimeout().toMillis() / 2, TimeUnit.MILLISECONDS);
        try {
            for (ObjectEvent event : ((S3EventMessages.Events) parsed).events()) {
                metrics.object(ingest.process(event));
                metrics.ingested(event);
            }
            heartbeat.cancel(false);
            delete(message);
            metrics.message("deleted");
        }
        catch (RuntimeException ex) {
            heartbeat.cancel(false);
            int receives = Integer.parseInt(message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            Duration backoff = backoff(receives);
            log.warn("Message {} failed on receive {} ({}); it returns in {} s", message.messageId(), receives, ex.toString(),
                    backoff.toSeconds());
            retryLater(message, backoff);
            metrics.message("retried");
        }
        finally {
            inFlight.remove(message);
        }
    }

    Duration backoff(int receives) {
        long seconds = properties.retryBackoff().toSeconds() << Math.min(Math.max(receives - 1, 0), 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private void extend(Message message) {
        try {
            sqs.changeMessageVisibility(c -> c.queueUrl(properties.queueUrl()).receiptHandle(message.receiptHandle())
                    .visibilityTimeout((int) properties.visibilityTimeout().toSeconds()));
        }
        catch (SdkException ex) {
            log.warn("Could not extend the visibility of message {}: {}", message.messageId(), ex.toString());
        }
    }

    private void retryLater(Message message, Duration backoff) {
        try {
            sqs.changeMessageVisibility(c -> c.queueUrl(properties.queueUrl()).receiptHandle(message.receiptHandle())
                    .visibilityTimeout((int) backoff.toSeconds()));
        }
        catch (SdkException ex) {
            log.warn("Could not delay message {}; it returns after its visibility timeout: {}", message.messageId(), ex.toString());
        }
    }

    private void moveAside(Message message, String reason) {
        log.warn("Moving message {} to the dead-letter queue: {}", message.messageId(), reason);
        if (properties.deadLetterQueueUrl() != null && !properties.deadLetterQueueUrl().isBlank()) {
            sqs.sendMessage(s -> s.queueUrl(properties.deadLetterQueueUrl()).messageBody(message.body())
                    .messageAttributes(Map.of("marquee-reason", MessageAttributeValue.builder().dataType("String").stringValue(reason).build())));
        }
        delete(message);
    }

    private void delete(Message message) {
        sqs.deleteMessage(d -> d.queueUrl(properties.queueUrl()).receiptHandle(message.receiptHandle()));
        processed.incrementAndGet();
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
