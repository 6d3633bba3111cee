package io.marquee.api.catalog;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready only while Elasticsearch answers and the read alias exists: a pod without a catalogue to search
 * takes no traffic. Part of the readiness group, not liveness, so it never restarts the pod.
 */
@Component("catalog")
class CatalogHealthIndicator implements ReactiveHealthIndicator {

    private final MovieCatalog catalog;

    CatalogHealthIndicator(MovieCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Mono<Health> health() {
        return catalog.isReady()
                .map(ready -> ready ? Health.up().withDetail("alias", catalog.readAlias()).build()
                        : Health.outOfService().withDetail("alias", catalog.readAlias()).withDetail("reason", "alias missing").build())
                .onErrorResume(error -> Mono.just(Health.down().withDetail("reason", "Elasticsearch unreachable").build()));
    }
}
