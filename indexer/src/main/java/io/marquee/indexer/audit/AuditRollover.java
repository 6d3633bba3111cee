package io.marquee.indexer.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.validation.annotation.Validated;

import io.marquee.indexer.indices.MovieIndexAdmin;

/**
 * While the indexer consumes, checks on a schedule whether the audit trail's current index is old or large
 * enough to roll over (the distribution has no ILM, so the indexer does it). Several indexers checking at once
 * is harmless: a rollover whose conditions no longer hold does nothing.
 */
public class AuditRollover implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditRollover.class);

    private final MovieIndexAdmin admin;
    private final Properties properties;
    private ScheduledExecutorService scheduler;

    public AuditRollover(MovieIndexAdmin admin, Properties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-rollover");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, 0, properties.checkEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    void check() {
        try {
            if (admin.rolloverAudit(properties.maxAge(), properties.maxPrimaryShardSize())) {
                log.info("Rolled the audit trail over to a new index");
            }
        }
        catch (RuntimeException ex) {
            log.warn("Audit rollover check failed, will try again: {}", ex.toString());
        }
    }

    /**
     * When the audit trail rolls over.
     *
     * @param maxAge the oldest an audit index may get, e.g. {@code 30d}
     * @param maxPrimaryShardSize the largest it may get, e.g. {@code 5gb}
     * @param checkEvery how often to check
     */
    @Validated
    @ConfigurationProperties("marquee.indexer.audit")
    public record Properties(@DefaultValue("30d") @NotBlank String maxAge, @DefaultValue("5gb") @NotBlank String maxPrimaryShardSize,
            @DefaultValue("1h") @NotNull Duration checkEvery) {
    }
}
