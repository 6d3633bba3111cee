package io.marquee.api.access;

import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code rate} a second; each request takes one.
 */
final class TokenBucket {

    private static final double NANOS = 1_000_000_000d;

    private final int rate;
    private final int burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long updatedAt;

    TokenBucket(int rate, int burst, LongSupplier nanoTime) {
        this.rate = rate;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.updatedAt = nanoTime.getAsLong();
    }

    /** Takes a token if there is one, and says what is left, or how long until the next. */
    synchronized Outcome take() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - updatedAt) / NANOS * rate);
        updatedAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return new Outcome(true, burst, (int) tokens, secondsUntil(burst));
        }
        return new Outcome(false, burst, 0, secondsUntil(1));
    }

    private long secondsUntil(double wanted) {
        return Math.max(tokens >= wanted ? 0 : 1, (long) Math.ceil((wanted - tokens) / rate));
    }

    /**
     * What taking a token found.
     *
     * @param allowed whether a token was taken
     * @param limit the bucket's size
     * @param remaining the tokens left
     * @param resetSeconds seconds until the bucket is full again (allowed) or holds a token (refused)
     */
    record Outcome(boolean allowed, int limit, int remaining, long resetSeconds) {

        static final String LIMIT = "RateLimit-Limit";
        static final String REMAINING = "RateLimit-Remaining";
        static final String RESET = "RateLimit-Reset";

        /** The response headers saying so (IETF draft RateLimit fields). */
        void headers(BiConsumer<String, String> header) {
            header.accept(LIMIT, Integer.toString(limit));
            header.accept(REMAINING, Integer.toString(remaining));
            header.accept(RESET, Long.toString(resetSeconds));
        }
    }
}
