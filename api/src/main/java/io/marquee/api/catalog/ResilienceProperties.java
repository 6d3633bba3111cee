package io.marquee.api.catalog;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the API protects itself, and Elasticsearch, when Elasticsearch struggles.
 *
 * @param failureRate the percentage of failed calls (errors and timeouts) that opens the circuit
 * @param window how many recent calls that percentage is taken over
 * @param minimumCalls calls needed in the window before the circuit may open
 * @param openFor how long an open circuit fails calls at once, before letting a few through to test Elasticsearch
 * @param probes calls let through while testing
 * @param maxConcurrentCalls calls to Elasticsearch under way at most (the bulkhead); more fail at once rather than queue
 * @param retries retries of a read that failed on a transient error (refused connection, 502/503/504, 429)
 * @param retryBackoff the first retry's mean delay, doubled for each further one and jittered by half
 * @param retryBudget retries allowed per call made, on average: during an outage retries may add this much load at most
 */
@Validated
@ConfigurationProperties("marquee.api.catalog.resilience")
public record ResilienceProperties(
        @DefaultValue("50") @Min(1) @Max(100) int failureRate,
        @DefaultValue("20") @Min(1) @Max(1000) int window,
        @DefaultValue("10") @Min(1) @Max(1000) int minimumCalls,
        @DefaultValue("5s") @NotNull Duration openFor,
        @DefaultValue("3") @Min(1) @Max(100) int probes,
        @DefaultValue("256") @Min(1) @Max(10_000) int maxConcurrentCalls,
        @DefaultValue("1") @Min(0) @Max(5) int retries,
        @DefaultValue("25ms") @NotNull Duration retryBackoff,
        @DefaultValue("0.1") @DecimalMin("0.0") @DecimalMax("1.0") double retryBudget) {
}
