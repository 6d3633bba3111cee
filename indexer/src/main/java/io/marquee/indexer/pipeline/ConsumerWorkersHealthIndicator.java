package io.marquee.indexer.pipeline;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Part of readiness and liveness ({@code consumerWorkers}): a consuming indexer with fewer workers than configured
 * has lost one to an error that leaves the JVM in doubt, and needs a restart. Up when not consuming.
 */
final class ConsumerWorkersHealthIndicator implements HealthIndicator {

    private final QueueConsumer consumer;

    ConsumerWorkersHealthIndicator(QueueConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public Health health() {
        int running = consumer.workersRunning();
        if (!consumer.isRunning() || running >= consumer.concurrency()) {
            return Health.up().withDetail("workers", running).build();
        }
        return Health.down().withDetail("workers", running).withDetail("configured", consumer.concurrency()).build();
    }
}
