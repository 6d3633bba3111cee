package io.marquee.api.search;

/** How many of the matches have a value: a genre, a decade ({@code 1990s}) or a year. */
public record FacetCount(String value, long count) {
}
