package io.marquee.indexer.indices;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.SmartLifecycle;

/**
 * The cluster's health as a metric, {@code marquee.elasticsearch.cluster.status}: 0 green, 1 yellow, 2 red, -1 when
 * the cluster does not answer. Asked on its own thread every {@code everySeconds}, never while a scrape waits, so a
 * slow cluster cannot slow the metrics endpoint; the alert on it is "not green" (charts/marquee: PrometheusRule).
 */
public final class ClusterHealthGauge implements SmartLifecycle {

    private final ElasticsearchClient client;
    private final long everySeconds;
    private final AtomicInteger status = new AtomicInteger(-1);
    private ScheduledExecutorService timer;

    public ClusterHealthGauge(ElasticsearchClient client, MeterRegistry registry, long everySeconds) {
        this.client = client;
        this.everySeconds = everySeconds;
        Gauge.builder("marquee.elasticsearch.cluster.status", status, AtomicInteger::get)
                .description("Elasticsearch cluster health: 0 green, 1 yellow, 2 red, -1 unreachable")
                .register(registry);
    }

    /** Asks the cluster once; an error counts as unreachable. */
    void refresh() {
        try {
            HealthStatus health = client.cluster().health(h -> h.timeout(t -> t.time("5s"))).status();
            status.set(health == HealthStatus.Green ? 0 : health == HealthStatus.Yellow ? 1 : 2);
        }
        catch (Exception ex) {
            status.set(-1);
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cluster-health");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refresh, 0, everySeconds, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
