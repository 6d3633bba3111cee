package io.marquee.api.catalog;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ElasticsearchGuardTests {

    private final ElasticsearchGuard guard = new ElasticsearchGuard(new ResilienceProperties(50, 20, 10, Duration.ofMinutes(1), 3, 256, 0,
            Duration.ofMillis(25), 0.1), new SimpleMeterRegistry());

    @Test
    void slowSuggestCallsOpenOnlyTheSuggestCircuit() {
        for (int i = 0; i < 20; i++) {
            StepVerifier.create(guard.read(ElasticsearchGuard.Route.SUGGEST, () -> CompletableFuture.failedFuture(new TimeoutException()),
                    Duration.ofSeconds(1))).expectError().verify();
        }

        assertThat(guard.closed(ElasticsearchGuard.Route.SUGGEST)).isFalse();
        StepVerifier.create(guard.read(ElasticsearchGuard.Route.SUGGEST, () -> CompletableFuture.completedFuture("suggested"),
                Duration.ofSeconds(1))).expectErrorMatches(error -> error.getClass().getSimpleName().equals("CallNotPermittedException")).verify();
        for (ElasticsearchGuard.Route other : new ElasticsearchGuard.Route[] {ElasticsearchGuard.Route.SEARCH, ElasticsearchGuard.Route.BY_ID,
            ElasticsearchGuard.Route.HISTORY, ElasticsearchGuard.Route.CATALOG}) {
            assertThat(guard.closed(other)).as(other.name()).isTrue();
            StepVerifier.create(guard.read(other, () -> CompletableFuture.completedFuture("answered"), Duration.ofSeconds(1)))
                    .expectNext("answered").verifyComplete();
        }
    }

    @Test
    void whenTheClusterAnswersAgainEveryCircuitClosesWithTheCatalogues() {
        ElasticsearchGuard quick = new ElasticsearchGuard(new ResilienceProperties(50, 20, 10, Duration.ofMillis(50), 3, 256, 0,
                Duration.ofMillis(25), 0.1), new SimpleMeterRegistry());
        for (ElasticsearchGuard.Route route : ElasticsearchGuard.Route.values()) {
            for (int i = 0; i < 20; i++) {
                StepVerifier.create(quick.read(route, () -> CompletableFuture.failedFuture(new java.io.IOException("refused")), Duration.ofSeconds(1)))
                        .expectError().verify();
            }
            assertThat(quick.closed(route)).isFalse();
        }

        // Readiness's own calls find the cluster back: three probes close the catalogue's circuit, and every other.
        sleep(100);
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(quick.read(ElasticsearchGuard.Route.CATALOG, () -> CompletableFuture.completedFuture("alias"), Duration.ofSeconds(1)))
                    .expectNext("alias").verifyComplete();
        }

        for (ElasticsearchGuard.Route route : ElasticsearchGuard.Route.values()) {
            assertThat(quick.closed(route)).as(route.name()).isTrue();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
