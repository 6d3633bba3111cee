package io.marquee.api.web;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking BlockHound lets pass in the API's tests, each with its reason. Everything else fails the test.
 */
public class BlockHoundAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // The Elasticsearch client's connection pool takes a lock only to pick a connection and register the request
        // (no I/O under it; the lease itself is a future): under concurrent requests the lock can be contended for
        // microseconds, which BlockHound sees as parking.
        builder.allowBlockingCallsInside("org.apache.http.nio.pool.AbstractNIOConnPool", "lease");
        // The circuit breaker takes a lock only to move from open to half-open once its wait is over (a state change in
        // memory, no I/O): concurrent requests arriving at that moment can contend for it briefly.
        builder.allowBlockingCallsInside("io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine$OpenState", "toHalfOpenState");
    }
}
