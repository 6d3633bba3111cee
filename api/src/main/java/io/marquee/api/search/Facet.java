package io.marquee.api.search;

import java.util.Locale;

/** A facet {@code /v1/movies} can count over the current query's matches. */
public enum Facet {
    GENRES, DECADE, YEAR;

    static Facet parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "genres", "genre" -> GENRES;
            case "decade", "decades" -> DECADE;
            case "year", "years" -> YEAR;
            default -> throw new InvalidSearchException("facets", "facets may be genres, decade and year, not '" + value.strip() + "'");
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
