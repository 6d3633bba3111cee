package io.marquee.api.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;

import io.marquee.movie.MovieDocument;

/**
 * The facet aggregations of a search and their counts: genres by count, decades and years newest first. They count
 * the query's matches, filters included.
 */
final class MovieFacets {

    private static final int MAX_GENRES = 50;

    private MovieFacets() {
    }

    static Map<String, Aggregation> aggregations(List<Facet> facets) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : facets) {
            aggregations.put(facet.key(), switch (facet) {
                case GENRES -> Aggregation.of(a -> a.terms(t -> t.field("genres").size(MAX_GENRES)));
                case DECADE -> Aggregation.of(a -> a.histogram(h -> h.field("year").interval(10.0).minDocCount(1)
                        .order(NamedValue.of("_key", SortOrder.Desc))));
                case YEAR -> Aggregation.of(a -> a.histogram(h -> h.field("year").interval(1.0).minDocCount(1)
                        .order(NamedValue.of("_key", SortOrder.Desc))));
            });
        }
        return aggregations;
    }

    static Map<String, List<FacetCount>> counts(List<Facet> facets, SearchResponse<MovieDocument> response) {
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        for (Facet facet : facets) {
            var aggregate = response.aggregations().get(facet.key());
            counts.put(facet.key(), switch (facet) {
                case GENRES -> aggregate.sterms().buckets().array().stream()
                        .map(b -> new FacetCount(b.key().stringValue(), b.docCount())).toList();
                case DECADE -> aggregate.histogram().buckets().array().stream()
                        .map(b -> new FacetCount((long) b.key() + "s", b.docCount())).toList();
                case YEAR -> aggregate.histogram().buckets().array().stream()
                        .map(b -> new FacetCount(Long.toString((long) b.key()), b.docCount())).toList();
            });
        }
        return counts;
    }
}
