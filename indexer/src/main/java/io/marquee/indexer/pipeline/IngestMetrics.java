package io.marquee.indexer.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What an operator watches while the indexer consumes: what became of messages and objects, how often work was
 * retried (messages redelivered, documents re-sent to Elasticsearch, receives that failed), how long an object
 * waited from its S3 event to being indexed (the lag), and how many messages wait in the queue and the
 * dead-letter queue. Tags are bounded: outcomes, results and queue names only.
 */
final class IngestMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer lag;
    private final Counter receiveFailures;
    private final Counter documentRetries;
    private final AtomicLong ingestVisible = new AtomicLong(-1);
    private final AtomicLong ingestInFlight = new AtomicLong(-1);
    private final AtomicLong deadLetterVisible = new AtomicLong(-1);

    IngestMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.lag = Timer.builder("marquee.ingest.lag").description("From an object's S3 event to its records being indexed")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.receiveFailures = Counter.builder("marquee.ingest.receive.failures").description("Receives from the queue that failed")
                .register(registry);
        this.documentRetries = Counter.builder("marquee.ingest.document.retries")
                .description("Documents sent to Elasticsearch again after a 429, 5xx or lost request").register(registry);
        depthGauge(ingestVisible, "ingest", "visible");
        depthGauge(ingestInFlight, "ingest", "in-flight");
        depthGauge(deadLetterVisible, "dead-letter", "visible");
    }

    private void depthGauge(AtomicLong depth, String queue, String state) {
        Gauge.builder("marquee.ingest.queue.messages", depth, AtomicLong::get).tag("queue", queue).tag("state", state)
                .description("Messages in the queue, as SQS last reported (-1 before the first report)").register(registry);
    }

    /** How many workers consume, against how many should: the alert on "fewer than configured" compares the two. */
    void workers(IntSupplier running, int configured) {
        Gauge.builder("marquee.ingest.workers", running, IntSupplier::getAsInt).description("Queue workers running").register(registry);
        Gauge.builder("marquee.ingest.workers.configured", () -> configured).description("Queue workers configured").register(registry);
    }

    /** A message handled: {@code deleted} when done, {@code retried} when handed back for later, {@code dead-lettered}. */
    void message(String outcome) {
        registry.counter("marquee.ingest.messages", "outcome", outcome).increment();
    }

    void object(ObjectIngest.Result result) {
        registry.counter("marquee.ingest.objects", "result", result.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** An object's records are all indexed or quarantined: its lag ends. */
    void ingested(ObjectEvent event) {
        // S3 always sends an ISO-8601 eventTime; a message without a usable one simply has no lag to report.
        event.happenedAt().ifPresent(at -> {
            Duration waited = Duration.between(at, clock.instant());
            lag.record(waited.isNegative() ? Duration.ZERO : waited);
        });
    }

    void receiveFailed() {
        receiveFailures.increment();
    }

    void documentRetries(long retries) {
        documentRetries.increment(retries);
    }

    /** Asks SQS how many messages wait; a failure leaves the last figures (the receive loop logs the outage). */
    void refreshDepths(SqsClient sqs, String queueUrl, String deadLetterQueueUrl) {
        try {
            Map<QueueAttributeName, String> queue = depth(sqs, queueUrl);
            ingestVisible.set(Long.parseLong(queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
            ingestInFlight.set(Long.parseLong(queue.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
            if (deadLetterQueueUrl != null && !deadLetterQueueUrl.isBlank()) {
                deadLetterVisible.set(Long.parseLong(depth(sqs, deadLetterQueueUrl)
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
            }
        }
        catch (RuntimeException ex) {
            // Stale figures are better than none; they are refreshed on the next round.
        }
    }

    private static Map<QueueAttributeName, String> depth(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    }
}
