package io.marquee.api.catalog;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.transport.TransportException;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import co.elastic.clients.util.ObjectBuilder;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import io.marquee.movie.AuditEntry;
import io.marquee.schema.IndexNames;
import io.marquee.movie.MovieDocument;

/**
 * Every read the API makes goes through here: against the read alias, with a timeout, and with failures of
 * Elasticsearch turned into {@link CatalogUnavailableException} (never shown to clients as they are).
 */
@Component
public class MovieCatalog {

    private static final Logger log = LoggerFactory.getLogger(MovieCatalog.class);

    private final ElasticsearchAsyncClient client;
    private final IndexNames names;
    private final CatalogProperties properties;
    private final ElasticsearchGuard guard;
    private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

    MovieCatalog(ElasticsearchAsyncClient client, CatalogProperties properties, ElasticsearchGuard guard) {
        this.client = client;
        this.names = new IndexNames(properties.indexPrefix());
        this.properties = properties;
        this.guard = guard;
    }

    public String readAlias() {
        return names.readAlias();
    }

    /**
     * Runs a search against the read alias; the builder gets the alias already set. The shards cache its result
     * ({@code request_cache}, dropped at their next refresh), and equal keys always ask the same shard copies
     * ({@code preference}), so a repeated search finds that cache warm and scores the same on every API replica.
     *
     * @param key what identifies the search: equal for searches that must be answered alike (its text must be stable)
     */
    public Mono<SearchResponse<MovieDocument>> search(Object key, Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request) {
        return call(() -> client.search(b -> request.apply(routed(b, key)), MovieDocument.class), properties.searchTimeout(),
                ElasticsearchGuard.Route.SEARCH, "search");
    }

    /** Runs a suggest request (a search carrying suggesters) as {@link #search} does, with its own timeout: typeahead must be quick. */
    public Mono<SearchResponse<MovieDocument>> suggest(Object key, Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request) {
        return call(() -> client.search(b -> request.apply(routed(b, key)), MovieDocument.class), properties.suggestTimeout(),
                ElasticsearchGuard.Route.SUGGEST, "suggest");
    }

    private SearchRequest.Builder routed(SearchRequest.Builder search, Object key) {
        return search.index(names.readAlias()).requestCache(true).preference(ShardPreference.of(key));
    }

    public Mono<Optional<MovieView>> findById(String id) {
        return call(() -> client.get(g -> g.index(names.readAlias()).id(id).sourceIncludes(MovieView.SOURCE_FIELDS), MovieDocument.class),
                properties.lookupTimeout(), ElasticsearchGuard.Route.BY_ID, "get")
                .map(response -> Optional.ofNullable(response.found() ? response.source() : null).map(MovieView::of));
    }

    /**
     * The audit trail of a movie, newest first: every audit index (the trail rolls over), not only the one the
     * write alias points to.
     */
    public Mono<List<AuditEntry>> history(String id, int limit) {
        return call(() -> client.search(s -> s.index(names.auditPattern()).allowNoIndices(true).ignoreUnavailable(true)
                        .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("movieId").value(id)))))
                        .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                        .size(limit), AuditEntry.class), properties.lookupTimeout(), ElasticsearchGuard.Route.HISTORY, "history")
                .map(response -> response.hits().hits().stream().map(hit -> hit.source()).toList());
    }

    /** The concrete index the read alias points to. */
    public Mono<String> readIndex() {
        return call(() -> client.indices().getAlias(r -> r.name(names.readAlias())), properties.lookupTimeout(), ElasticsearchGuard.Route.CATALOG,
                "alias lookup")
                .flatMap(response -> Mono.justOrEmpty(response.result().keySet().stream().findFirst()));
    }

    /**
     * Whether the catalogue's own calls (the alias lookups readiness makes) are all sent to Elasticsearch; false
     * while that circuit is open (calls fail at once) or half-open (a few calls test whether Elasticsearch is back).
     * It is the circuit readiness exercises itself, so it closes as soon as Elasticsearch is back; search, suggest,
     * lookups by id and history each open and close on their own calls.
     */
    public boolean circuitClosed() {
        return guard.closed(ElasticsearchGuard.Route.CATALOG);
    }

    /** Whether the read alias exists, i.e. whether there is a catalogue to search. */
    public Mono<Boolean> isReady() {
        return call(() -> client.indices().existsAlias(r -> r.name(names.readAlias())), properties.lookupTimeout(), ElasticsearchGuard.Route.CATALOG,
                "alias check")
                .map(response -> response.value());
    }

    private <T> Mono<T> call(Supplier<CompletableFuture<T>> call, Duration timeout, ElasticsearchGuard.Route route, String what) {
        // The failure is logged with the request's identity: its context's thread locals (the caller's MDC) are put on
        // whichever thread the failure arrives, a timer's or the client's I/O thread.
        return guard.read(route, call, timeout).onErrorResume(error -> Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope scope = snapshots.setThreadLocalsFrom(context)) {
                return Mono.error(translate(error, what));
            }
        }));
    }

    private Throwable translate(Throwable error, String what) {
        Throwable cause = ElasticsearchGuard.unwrap(error);
        if (cause instanceof CallNotPermittedException || cause instanceof BulkheadFullException) {
            // Refused before Elasticsearch was asked: the circuit's opening was logged once; one line per request would flood.
            log.debug("Elasticsearch {} not attempted: {}", what, cause.getMessage());
            return new CatalogUnavailableException("Elasticsearch " + what + " not attempted", cause);
        }
        if (cause instanceof TimeoutException) {
            log.warn("Elasticsearch {} timed out", what);
            return new CatalogUnavailableException("Elasticsearch " + what + " timed out", cause);
        }
        if (cause instanceof ElasticsearchException es) {
            int status = es.status();
            if (status == 429 || status >= 500 || "index_not_found_exception".equals(es.error().type())) {
                log.warn("Elasticsearch {} failed with {}: {}", what, status, es.error().type());
                return new CatalogUnavailableException("Elasticsearch " + what + " failed with " + status, cause);
            }
            if (status == 404) {
                // Not found (an alias not yet there): an answer for the caller to read, not a refusal.
                return cause;
            }
            // Refused as asked (a 4xx): a request Elasticsearch will not run, not an outage and not a bug to trace each time.
            log.warn("Elasticsearch refused {} with {}: {}", what, status, es.error().type());
            return new CatalogRefusedException("Elasticsearch refused " + what + " with " + status + " (" + es.error().type() + ")", cause);
        }
        if (cause instanceof IOException || cause instanceof TransportException) {
            log.warn("Elasticsearch unreachable during {}: {}", what, cause.toString());
            return new CatalogUnavailableException("Elasticsearch unreachable", cause);
        }
        return cause;
    }
}
