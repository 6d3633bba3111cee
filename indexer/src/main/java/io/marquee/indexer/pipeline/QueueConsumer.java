package io.marquee.indexer.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.context.SmartLifecycle;

/**
 * Consumes the ingest queue with a fixed number of workers, each receiving a message only when it is free
 * (bounded concurrency; the queue holds the backlog). A message is deleted only after every object it names is
 * indexed or quarantined. While work goes on, its visibility is extended; after a transient failure it is made
 * visible again after an exponential backoff, and SQS's redrive policy dead-letters it after too many receives.
 * A message that is not an S3 event is moved to the dead-letter queue at once, with its reason, and so is one
 * whose work ends in an {@link Error} (a retry would only repeat it) or fails on the last receive the queue's
 * redrive policy allows: the operator sees why in {@code dlq list}, not just that it failed.
 * <p>
 * A worker survives whatever a message throws. Only an error that leaves the JVM in doubt ({@link VirtualMachineError}
 * other than a stack overflow) ends it, after handing its message on; {@link #workersRunning()} then falls below the
 * configured concurrency, and readiness and liveness say so.
 * <p>
 * Stopping lets in-flight messages finish within the grace period; any still unfinished then are handed back to
 * the queue. Killing the process loses nothing either: an undeleted message reappears after its visibility
 * timeout, and indexing is idempotent.
 */
public class QueueConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    private static final int MAX_REASON = 2000;

    private final SqsClient sqs;
    private final S3EventMessages messages;
    private final EventHandler ingest;
    private final ObjectMapper json;
    private final Clock clock;
    private final PipelineProperties properties;
    private final IngestMetrics metrics;
    private final AtomicInteger processed = new AtomicInteger();
    private final AtomicInteger workersRunning = new AtomicInteger();
    private final Set<Message> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ExecutorService workers;
    private ScheduledExecutorService heartbeats;
    private volatile int maxReceives;

    QueueConsumer(SqsClient sqs, S3EventMessages messages, EventHandler ingest, ObjectMapper json, PipelineProperties properties,
            IngestMetrics metrics, Clock clock) {
        this.sqs = sqs;
        this.messages = messages;
        this.ingest = ingest;
        this.json = json;
        this.clock = clock;
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
        maxReceives = redriveLimit();
        running = true;
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread thread = new Thread(r, "queue-worker-" + threads.incrementAndGet());
            thread.setUncaughtExceptionHandler((t, ex) -> log.error("Worker {} ended", t.getName(), ex));
            return thread;
        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "queue-visibility");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < properties.concurrency(); i++) {
            workersRunning.incrementAndGet();
            // execute, not submit: a Future would swallow whatever ended the worker.
            workers.execute(this::poll);
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

    /** Workers polling the queue now; fewer than configured while running means one has ended. */
    public int workersRunning() {
        return workersRunning.get();
    }

    int concurrency() {
        return properties.concurrency();
    }

    /** Messages handled (deleted or moved aside) since start. */
    public int processed() {
        return processed.get();
    }

    private void poll() {
        try {
            while (running) {
                List<Message> received;
                try {
                    received = sqs.receiveMessage(r -> r.queueUrl(properties.queueUrl()).maxNumberOfMessages(1)
                            .waitTimeSeconds((int) Math.min(20, properties.waitTime().toSeconds()))
                            .visibilityTimeout((int) properties.visibilityTimeout().toSeconds())
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
                }
                catch (SdkException ex) {
                    metrics.receiveFailed();
                    log.warn("Receiving from the queue failed, backing off: {}", ex.toString());
                    sleep(properties.retryBackoff());
                    continue;
                }
                for (Message message : received) {
                    handleSafely(message);
                }
            }
        }
        finally {
            workersRunning.decrementAndGet();
        }
    }

    /**
     * Handles a message whatever it throws. When even handing it on fails (SQS unreachable), it returns by itself
     * after its visibility timeout.
     */
    private void handleSafely(Message message) {
        try {
            handle(message);
        }
        catch (VirtualMachineError ex) {
            if (!(ex instanceof StackOverflowError)) {
                throw ex;
            }
            log.error("Handling message {} overflowed the stack", message.messageId(), ex);
        }
        catch (RuntimeException ex) {
            log.warn("Could not hand message {} on ({}); it returns after its visibility timeout", message.messageId(), ex.toString());
        }
    }

    // Catching Error is the point here: whatever a message makes the code throw, the worker hands the message on.
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void handle(Message message) {
        inFlight.add(message);
        ScheduledFuture<?> heartbeat = null;
        try {
            S3EventMessages.Parsed parsed = messages.parse(message.body());
            if (parsed instanceof S3EventMessages.TestEvent) {
                delete(message);
                metrics.message("deleted");
                return;
            }
            if (parsed instanceof S3EventMessages.Unrecognised unrecognised) {
                moveAside(message, unrecognised.reason());
                return;
            }
            List<ObjectEvent> events = ((S3EventMessages.Events) parsed).events();
            Optional<String> refused = foreign(events).or(() -> tooOld(events));
            if (refused.isPresent()) {
                moveAside(message, refused.get());
                return;
            }
            heartbeat = heartbeats.scheduleAtFixedRate(() -> extend(message), properties.visibilityTimeout().toMillis() / 2,
                    properties.visibilityTimeout().toMillis() / 2, TimeUnit.MILLISECONDS);
            for (ObjectEvent event : events) {
                metrics.object(ingest.process(event));
                metrics.ingested(event);
            }
            heartbeat.cancel(false);
            delete(message);
            metrics.message("deleted");
        }
        catch (RuntimeException ex) {
            cancel(heartbeat);
            int receives = Integer.parseInt(message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
            if (maxReceives > 0 && receives >= maxReceives) {
                moveAside(message, "failed on each of " + receives + " receives, last with " + ex);
                return;
            }
            Duration backoff = backoff(receives);
            log.warn("Message {} failed on receive {} ({}); it returns in {} s", message.messageId(), receives, ex.toString(),
                    backoff.toSeconds());
            retryLater(message, backoff);
            metrics.message("retried");
        }
        catch (Error ex) {
            cancel(heartbeat);
            // An error a message causes would recur on every receive: aside at once, with what it was.
            moveAside(message, "processing failed with " + ex);
            if (ex instanceof VirtualMachineError && !(ex instanceof StackOverflowError)) {
                throw ex;
            }
        }
        finally {
            cancel(heartbeat);
            inFlight.remove(message);
        }
    }

    /**
     * Why a message's events are not for this indexer, if one names another bucket: its credentials may read more
     * than the ingest bucket, and an event must not make it index what no provider delivered there.
     */
    private Optional<String> foreign(List<ObjectEvent> events) {
        return events.stream().filter(event -> !event.bucket().equals(properties.bucket())).findFirst()
                .map(event -> "the event names bucket " + event.bucket() + ", not the ingest bucket " + properties.bucket() + ": not acted on");
    }

    /** Why a message's events are too old to act on, if one is: past {@code maxEventAge}, a delete since may be forgotten. */
    private Optional<String> tooOld(List<ObjectEvent> events) {
        Instant oldest = clock.instant().minus(properties.maxEventAge());
        for (ObjectEvent event : events) {
            Optional<Instant> at = event.happenedAt();
            if (at.isPresent() && at.get().isBefore(oldest)) {
                return Optional.of("the event of s3://" + event.bucket() + "/" + event.key() + " happened at " + at.get() + ", more than "
                        + properties.maxEventAge().toDays() + " days ago: the index may have forgotten deletions since, so it is not "
                        + "applied; deliver the file again to apply it");
            }
        }
        return Optional.empty();
    }

    private static void cancel(ScheduledFuture<?> heartbeat) {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    /** The receives after which SQS dead-letters a message, from the queue's redrive policy; 0 when it has none. */
    private int redriveLimit() {
        try {
            String policy = sqs.getQueueAttributes(a -> a.queueUrl(properties.queueUrl()).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                    .attributes().get(QueueAttributeName.REDRIVE_POLICY);
            if (policy == null) {
                return 0;
            }
            return json.readTree(policy).path("maxReceiveCount").asInt(0);
        }
        catch (SdkException | java.io.IOException ex) {
            log.warn("Could not read the redrive policy of {}; failures go to the dead-letter queue by SQS alone: {}",
                    properties.queueUrl(), ex.toString());
            return 0;
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
        metrics.message("dead-lettered");
        if (properties.deadLetterQueueUrl() != null && !properties.deadLetterQueueUrl().isBlank()) {
            sqs.sendMessage(s -> s.queueUrl(properties.deadLetterQueueUrl()).messageBody(message.body())
                    .messageAttributes(Map.of("marquee-reason", MessageAttributeValue.builder().dataType("String")
                            .stringValue(reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…").build())));
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
