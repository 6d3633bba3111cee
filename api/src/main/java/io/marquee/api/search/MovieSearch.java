package io.marquee.api.search;

import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.marquee.api.catalog.MovieCatalog;
import io.marquee.api.catalog.MovieView;
import io.marquee.schema.MovieDocument;

/**
 * Runs searches against the catalogue: the full search of {@code /v1/movies}, and the simple filtered
 * lookups of the original contract.
 */
@Service
public class MovieSearch {

    private final MovieCatalog catalog;

    MovieSearch(MovieCatalog catalog) {
        this.catalog = catalog;
    }

    public Mono<SearchPage> search(MovieSearchRequest request) {
        return catalog.search(s -> s
                        .query(MovieQueries.of(request))
                        .sort(MovieQueries.sort(request.sort(), request.hasText()))
                        .from(request.from())
                        .size(request.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.includes(MovieView.SOURCE_FIELDS))))
                .map(response -> new SearchPage(total(response), request.page(), request.size(), views(response)));
    }

    /** Movies matching one exact filter, in year then title order, at most {@code limit} of them. */
    public Mono<FilteredMovies> filtered(Query filter, int limit) {
        return catalog.search(s -> s
                        .query(q -> q.bool(b -> b.filter(filter)))
                        .sort(MovieQueries.sort(SortOrder.YEAR, false))
                        .size(limit)
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.includes(MovieView.SOURCE_FIELDS))))
                .map(response -> new FilteredMovies(total(response), views(response)));
    }

    public Mono<MovieView> byId(String id) {
        return catalog.findById(id).flatMap(found -> found.map(Mono::just).orElseGet(() -> Mono.error(new MovieNotFoundException(id))));
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
