package io.marquee.api.search;

import java.util.List;

import io.marquee.api.catalog.MovieView;

/**
 * One page of search results: how many movies match in all, which page this is, and its movies.
 */
public record SearchPage(long total, int page, int size, List<MovieView> items) {

    public SearchPage {
        items = List.copyOf(items);
    }
}
