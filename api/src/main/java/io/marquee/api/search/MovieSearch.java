package io.marquee.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.util.ObjectBuilder;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.marquee.api.cache.Cached;
import io.marquee.api.cache.ResponseCache;
import io.marquee.api.catalog.MovieCatalog;
import io.marquee.api.catalog.MovieView;
import io.marquee.movie.MovieDocument;

/**
 * Runs searches against the catalogue: the full search of {@code /v1/movies}, and the simple filtered
 * lookups of the original contract. Every answer goes through the response cache.
 */
@Service
public class MovieSearch {

    /** How far a text search counts its matches exactly; beyond it the total is a lower bound. */
    static final int TEXT_TOTAL_BOUND = 10_000;

    private final MovieCatalog catalog;
    private final ResponseCache cache;

    MovieSearch(MovieCatalog catalog, ResponseCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    public Mono<Cached<SearchResults>> search(MovieSearchRequest request) {
        Object key = request.cacheKey();
        return cache.get(key, () -> catalog.search(key, searchRequest(request))
                .map(response -> {
                    List<MovieView> views = views(response);
                    return new SearchResults(total(response), relation(response), request.page(), request.size(), views,
                            MovieFacets.counts(request.facets(), response), request.highlight() ? highlights(request, views) : null, null);
                })
                .flatMap(page -> page.total() > 0 || request.q() == null ? Mono.just(page) : withDidYouMean(key, request.q(), page)));
    }

    /** A page that found nothing, with the words re-spelt from the catalogue when that finds a spelling. */
    private Mono<SearchResults> withDidYouMean(Object key, String q, SearchResults page) {
        List<String> words = SearchText.parse(q).words();
        if (words.isEmpty() || words.size() > MovieQueries.MAX_WORDS) {
            return Mono.just(page);
        }
        return catalog.search(new Respelling(key), DidYouMean.request(words))
                .map(response -> DidYouMean.from(response, words).map(page::withDidYouMean).orElse(page));
    }

    private record Respelling(Object search) {
    }

    /**
     * Movies matching one exact filter, in year then title order, at most {@code limit} of them.
     *
     * @param request what identifies this lookup in the cache: equal for equal filters and limits
     */
    public Mono<Cached<FilteredMovies>> filtered(Object request, Query filter, int limit) {
        return cache.get(request, () -> catalog.search(request, filteredRequest(filter, limit))
                .map(response -> new FilteredMovies(total(response), views(response))), FilteredMovies::movies);
    }

    /** The body of the search {@code /v1/movies} sends for a request (the benchmark sends it to Elasticsearch directly too). */
    static Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> searchRequest(MovieSearchRequest request) {
        return s -> s
                .query(MovieQueries.of(request))
                .sort(MovieQueries.sort(request.sort(), request.hasText()))
                .from(request.from())
                .size(request.size())
                // Exact counts for filters (cheap, no scoring); up to a bound for text, so scoring can skip documents
                // that cannot reach the page.
                .trackTotalHits(t -> request.hasText() ? t.count(TEXT_TOTAL_BOUND) : t.enabled(true))
                .source(src -> src.filter(f -> f.includes(MovieView.SOURCE_FIELDS)))
                .aggregations(MovieFacets.aggregations(request.facets()));
    }

    /** The body of an exact lookup of the original routes. */
    static Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> filteredRequest(Query filter, int limit) {
        return s -> s
                .query(q -> q.bool(b -> b.filter(filter)))
                .sort(MovieQueries.sort(MovieSort.YEAR, false))
                .size(limit)
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes(MovieView.SOURCE_FIELDS)));
    }

    public Mono<Cached<MovieView>> byId(String id) {
        return cache.get(new ById(id), () -> catalog.findById(id), found -> found.orElse(null)).flatMap(found -> found.value()
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

    private static SearchResults.TotalRelation relation(SearchResponse<MovieDocument> response) {
        return response.hits().total() != null && response.hits().total().relation() == TotalHitsRelation.Gte ? SearchResults.TotalRelation.GTE
                : SearchResults.TotalRelation.EQ;
    }

    private static List<MovieView> views(SearchResponse<MovieDocument> response) {
        return response.hits().hits().stream().map(Hit::source).map(MovieView::of).toList();
    }

    /** Movies matching a filter and how many match in all. */
    public record FilteredMovies(long total, List<MovieView> movies) {
    }
}
