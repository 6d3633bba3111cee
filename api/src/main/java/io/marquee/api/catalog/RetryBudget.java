package io.marquee.api.catalog;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Retries as a share of calls: every call earns {@code ratio} of a retry, up to a small reserve, and every retry spends
 * one. While Elasticsearch is healthy the reserve stays full and an occasional failure is retried; during an outage,
 * when every call fails, retries add at most {@code ratio} to the load instead of multiplying it.
 */
final class RetryBudget {

    private static final long UNIT = 1_000;

    private final long earnedPerCall;
    private final long reserve;
    private final AtomicLong balance;

    RetryBudget(double ratio, int reserve) {
        this.earnedPerCall = Math.round(ratio * UNIT);
        this.reserve = reserve * UNIT;
        this.balance = new AtomicLong(this.reserve);
    }

    void called() {
        balance.getAndUpdate(now -> Math.min(reserve, now + earnedPerCall));
    }

    /** Whether a retry may be made now; spends it if so. */
    boolean tryRetry() {
        long before = balance.getAndUpdate(now -> now >= UNIT ? now - UNIT : now);
        return before >= UNIT;
    }
}
