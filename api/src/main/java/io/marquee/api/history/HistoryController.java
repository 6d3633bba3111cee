package io.marquee.api.history;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.marquee.api.catalog.MovieCatalog;
import io.marquee.api.search.MovieNotFoundException;

/**
 * {@code GET /v1/movies/{id}/history}: every create, update and delete of a movie, newest first, with the
 * provider, the delivery (bucket, key, version, etag, sequencer) and the fields that changed. A movie that was
 * deleted keeps its history; an id that never existed is a 404.
 */
@RestController
class HistoryController {

    static final int MAX_ENTRIES = 500;

    private final MovieCatalog catalog;

    HistoryController(MovieCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/v1/movies/{id}/history")
    @Operation(summary = "The audit trail of a movie, newest first")
    Mono<ResponseEntity<MovieHistory>> history(@PathVariable String id) {
        return catalog.history(id, MAX_ENTRIES)
                .flatMap(changes -> changes.isEmpty() ? Mono.error(new MovieNotFoundException(id)) : Mono.just(new MovieHistory(id, changes)))
                // Only a key's holder may see it: no shared cache keeps it, and none answers another key with it.
                .map(history -> ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                        .varyBy("X-Api-Key", HttpHeaders.AUTHORIZATION).body(history));
    }
}
