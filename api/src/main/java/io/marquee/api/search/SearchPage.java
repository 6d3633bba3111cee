package io.marquee.api.search;

import java.util.List;
import java.util.Map;

import io.marquee.api.catalog.MovieView;

/**
 * One page of search results: how many movies match in all, which page this is, its movies, and the facet counts
 * asked for (absent when none were).
 */
public record SearchPage(long total, int page, int size, List<MovieView> items, Map<String, List<FacetCount>> facets) {

    public SearchPage {
        items = List.copyOf(items);
        facets = facets == null || facets.isEmpty() ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }
}
