package io.marquee.api.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.marquee.api.catalog.MovieView;

/**
 * One page of search results: how many movies match in all (exactly, or at least that many), which page this is, its
 * movies, the facet counts asked for, by movie id what matched in it when highlighting was asked for (each absent
 * when not asked for), and, when nothing matched, the words re-spelt from the catalogue ({@code didYouMean}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResults(long total, TotalRelation totalRelation, int page, int size, List<MovieView> items, Map<String, List<FacetCount>> facets,
        Map<String, Highlight> highlights, String didYouMean) {

    /** Whether {@code total} is exact ({@code eq}) or a lower bound ({@code gte}), as Elasticsearch says. */
    public enum TotalRelation {
        @JsonProperty("eq") EQ,
        @JsonProperty("gte") GTE
    }

    public SearchResults {
        items = List.copyOf(items);
        highlights = highlights == null || highlights.isEmpty() ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(highlights));
        facets = facets == null || facets.isEmpty() ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }

    /** This page with a suggested re-spelling of its words. */
    SearchResults withDidYouMean(String words) {
        return new SearchResults(total, totalRelation, page, size, items, facets, highlights, words);
    }
}
