package io.marquee.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.marquee.api.cache.Cached;
import io.marquee.api.cache.ResponseCache;
import io.marquee.api.catalog.MovieCatalog;
import io.marquee.api.catalog.MovieView;
import io.marquee.schema.MovieDocument;

/**
 * Runs searches against the catalogue: the full search of {@code /v1/movies}, and the simple filtered
 * lookups of the original contract. Every answer goes through the response cache.
 */
@Service
public class MovieSearch {

    private final MovieCatalog catalog;
    private final ResponseCache cache;

    MovieSearch(MovieCatalog catalog, ResponseCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    public Mono<Cached<SearchPage>> search(MovieSearchRequest request) {
        return cache.get(request.cacheKey(), () -> catalog.search(s -> s
                        .query(MovieQueries.of(request))
                        .sort(MovieQueries.sort(request.sort(), request.hasText()))
                        .from(request.from())
                        .size(request.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.includes(MovieView.SOURCE_FIELDS)))
                        .aggregations(MovieFacets.aggregations(request.facets())))
                .map(response -> {
                    List<MovieView> views = views(response);
                    return new SearchPage(total(response), request.page(), request.size(), views, MovieFacets.counts(request.facets(), response),
                            request.highlight() ? highlights(request, views) : null);
                }));
    }

    /**
     * Movies matching one exact filter, in year then title order, at most {@code limit} of them.
     *
     * @param request what identifies this lookup in the cache: equal for equal filters and limits
     */
    public Mono<Cached<FilteredMovies>> filtered(Object request, Query filter, int limit) {
        return cache.get(request, () -> catalog.search(s -> s
                        .query(q -> q.bool(b -> b.filter(filter)))
                        .sort(MovieQueries.sort(SortOrder.YEAR, false))
                        .size(limit)
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.includes(MovieView.SOURCE_FIELDS))))
                .map(response -> new FilteredMovies(total(response), views(response))));
    }

    public Mono<Cached<MovieView>> byId(String id) {
        return cache.get(new ById(id), () -> catalog.findById(id)).flatMap(found -> found.value()
                .map(view -> Mono.just(found.map(view)))
                .orElseGet(() -> Mono.error(new MovieNotFoundException(id))));
    }

    private record ById(String id) {
    }

    private static Map<String, Highlight> highlights(MovieSearchRequest request, List<MovieView> views) {
        Highlighter highlighter = Highlighter.of(request);
        Map<String, Highlight> highlights = new LinkedHashMap<>();
        views.forEach(view -> highlighter.highlight(view).ifPresent(h -> highlights.put(view.id(), h)));
        return highlights;
    }

    private static long total(SearchResponse<MovieDocument> response) {
        return response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
    }

    private static List<MovieView> views(SearchResponse<MovieDocument> response) {
        return response.hits().hits().stream().map(Hit::source).map(MovieView::of).toList();
    }

    /** Movies matching a filter and how many match in all. */
    public record FilteredMovies(long total, List<MovieView> movies) {
    }
}
