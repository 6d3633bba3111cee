package io.marquee.api.catalog;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Which concrete index the read alias points to, asked again every {@link CatalogProperties#generationRefresh()}.
 * Cached responses are keyed by it, so an operator's alias flip retires every cached answer of the old index within
 * that interval. When Elasticsearch cannot be asked, the last known generation stands.
 */
@Component
public class IndexGeneration implements SmartLifecycle {

    /** The generation before the alias was first resolved. */
    public static final String UNKNOWN = "unknown";

    private static final Logger log = LoggerFactory.getLogger(IndexGeneration.class);

    private final MovieCatalog catalog;
    private final Duration refresh;
    private final AtomicReference<String> current = new AtomicReference<>(UNKNOWN);
    private volatile Disposable polling;

    IndexGeneration(MovieCatalog catalog, CatalogProperties properties) {
        this.catalog = catalog;
        this.refresh = properties.generationRefresh();
    }

    /** The index the read alias pointed to when last asked, or {@link #UNKNOWN}. */
    public String current() {
        return current.get();
    }

    /** Asks Elasticsearch now; for start-up and for tests that flip and must not wait for the next tick. */
    public Mono<String> resolve() {
        return catalog.readIndex()
                .doOnNext(index -> {
                    String was = current.getAndSet(index);
                    if (!index.equals(was)) {
                        log.info("Read alias {} now points to {} (was {})", catalog.readAlias(), index, was);
                    }
                })
                .onErrorResume(error -> {
                    log.debug("Could not resolve the read alias; keeping generation {}: {}", current.get(), error.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void start() {
        polling = Flux.interval(Duration.ZERO, refresh).onBackpressureDrop().concatMap(tick -> resolve(), 1).subscribe();
    }

    @Override
    public void stop() {
        Disposable running = polling;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }
}
