package io.marquee.api.catalog;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * What every call to Elasticsearch passes through, outermost first: a budgeted retry (reads only, transient failures
 * only, jittered exponential backoff), a bulkhead (calls under way at most; more fail at once), a circuit breaker (after
 * enough failures, calls fail at once for a while, so a struggling cluster gets air and clients get their 503 or stale
 * answer without waiting), and the call's own timeout, which counts as a failure.
 * <p>
 * Each {@link Route} has its own breaker: suggest calls, with their short timeout, can time out while searches are
 * answered, and must not open the circuit for searches, lookups by id or histories. The bulkhead and the retry budget
 * are shared, as they protect the one cluster. When the catalogue's breaker, which readiness exercises, closes
 * again after an outage, the cluster answers again: the other breakers close with it, rather than each waiting for
 * traffic of its own to test it (a route whose own trouble persists opens again on its own calls).
 */
final class ElasticsearchGuard {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchGuard.class);
    private static final String NAME = "elasticsearch";
    private static final int RETRY_RESERVE = 10;

    /** The kinds of call, each with a breaker of its own (named so in the resilience4j metrics). */
    enum Route {
        SEARCH("search"), SUGGEST("suggest"), BY_ID("by-id"), HISTORY("history"), CATALOG("catalog");

        private final String breaker;

        Route(String breaker) {
            this.breaker = breaker;
        }
    }

    private final Map<Route, CircuitBreaker> breakers = new EnumMap<>(Route.class);
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final RetryBudget budget;

    ElasticsearchGuard(ResilienceProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(Math.min(properties.minimumCalls(), properties.window()))
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(properties.probes())
                .recordException(ElasticsearchGuard::failing)
                .build());
        for (Route route : Route.values()) {
            CircuitBreaker breaker = breakers.circuitBreaker(route.breaker);
            breaker.getEventPublisher().onStateTransition(event -> log.warn("Elasticsearch {} circuit {}", route.breaker,
                    event.getStateTransition()));
            this.breakers.put(route, breaker);
        }
        breakers.circuitBreaker(Route.CATALOG.breaker).getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition() == CircuitBreaker.StateTransition.HALF_OPEN_TO_CLOSED) {
                this.breakers.forEach((route, breaker) -> {
                    if (route != Route.CATALOG && breaker.getState() != CircuitBreaker.State.CLOSED) {
                        breaker.transitionToClosedState();
                    }
                });
            }
        });
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls()).maxWaitDuration(Duration.ZERO).build());
        this.bulkhead = bulkheads.bulkhead(NAME);
        this.budget = new RetryBudget(properties.retryBudget(), RETRY_RESERVE);
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(properties.retries() + 1)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.retryBackoff(), 2.0, 0.5))
                .retryOnException(error -> retryable(error) && budget.tryRetry())
                .build());
        this.retry = retries.retry(NAME);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    }

    /** An idempotent read: guarded by its route's breaker, and retried when it failed in a way another try may not. */
    <T> Mono<T> read(Route route, Supplier<CompletableFuture<T>> call, Duration timeout) {
        return Mono.fromFuture(call).timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breakers.get(route)))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(RetryOperator.of(retry))
                .doOnSubscribe(subscription -> budget.called());
    }

    /** Whether every call of a route is let through: not open, and not half-open testing Elasticsearch with a few. */
    boolean closed(Route route) {
        return breakers.get(route).getState() == CircuitBreaker.State.CLOSED;
    }

    /** A failure of Elasticsearch (not of the request): counts towards opening the circuit. */
    static boolean failing(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ElasticsearchException es) {
            return es.status() == 429 || es.status() >= 500;
        }
        return cause instanceof TimeoutException || cause instanceof IOException || cause instanceof TransportException;
    }

    /**
     * A failure another attempt may not meet: no connection (the client has tried every node it knows), or a node
     * saying it is busy or unavailable. Not a timeout: the time is spent, and a retry would only add load.
     */
    static boolean retryable(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ElasticsearchException es) {
            return es.status() == 429 || es.status() == 502 || es.status() == 503 || es.status() == 504;
        }
        return cause instanceof IOException || cause instanceof TransportException;
    }

    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
