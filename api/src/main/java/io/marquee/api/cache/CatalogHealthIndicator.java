package io.marquee.api.cache;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import io.marquee.api.catalog.MovieCatalog;

/**
 * Whether this pod can serve searches: {@code UP} while Elasticsearch answers and the read alias exists;
 * {@code OUT_OF_SERVICE} without a catalogue to search; {@code DEGRADED} while Elasticsearch fails but cached answers
 * remain to be served (still ready: taking the pod out would turn those answers into errors); {@code DOWN} while
 * Elasticsearch fails and there is nothing to serve. Part of the readiness group, not liveness, so it never restarts
 * the pod.
 */
@Component("catalog")
class CatalogHealthIndicator implements ReactiveHealthIndicator {

    /** Ready for cached traffic only: mapped to HTTP 200 and ordered between {@code DOWN} and {@code UP}. */
    static final Status DEGRADED = new Status("DEGRADED", "Elasticsearch is failing; cached answers are served, marked stale");

    private final MovieCatalog catalog;
    private final ResponseCache cache;

    CatalogHealthIndicator(MovieCatalog catalog, ResponseCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    @Override
    public Mono<Health> health() {
        return catalog.isReady()
                .map(ready -> !ready ? Health.outOfService().withDetail("alias", catalog.readAlias()).withDetail("reason", "alias missing").build()
                        : catalog.circuitClosed() ? Health.up().withDetail("alias", catalog.readAlias()).build()
                        : Health.status(DEGRADED).withDetail("alias", catalog.readAlias())
                                .withDetail("reason", "Elasticsearch recovering: a few calls test it, the others fail at once").build())
                .onErrorResume(error -> Mono.just(failing()));
    }

    private Health failing() {
        String reason = catalog.circuitClosed() ? "Elasticsearch unreachable" : "Elasticsearch failing (circuit open)";
        return (cache.holdsAnswers() ? Health.status(DEGRADED) : Health.down()).withDetail("reason", reason).build();
    }
}
