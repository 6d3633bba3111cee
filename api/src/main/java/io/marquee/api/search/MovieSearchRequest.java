package io.marquee.api.search;

import java.util.List;
import java.util.Locale;

import org.springframework.util.MultiValueMap;

import io.marquee.text.Genres;
import io.marquee.text.TextFolding;

/**
 * A validated {@code GET /v1/movies} request. Text is kept as the client sent it (trimmed); folding happens
 * when the query is built.
 *
 * @param q free text over title, cast and extract
 * @param title a title, fuzzy or exact
 * @param cast a cast member, fuzzy or exact
 * @param genres genres the movie must all have
 * @param year an exact year
 * @param yearFrom the first year of a range (inclusive)
 * @param yearTo the last year of a range (inclusive)
 * @param fuzzy whether q, title and cast tolerate typos
 * @param sort the order of results
 * @param page the 1-based page
 * @param size results per page
 * @param facets what to count over the matches, in the order asked
 * @param highlight whether to mark what matched in each movie
 */
public record MovieSearchRequest(String q, String title, String cast, List<String> genres, Integer year, Integer yearFrom,
        Integer yearTo, boolean fuzzy, MovieSort sort, int page, int size, List<Facet> facets, boolean highlight) {

    public static final int MAX_TEXT = 256;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch's {@code index.max_result_window}: deeper pages need search_after, not from/size. */
    public static final int MAX_WINDOW = 10_000;
    public static final int MIN_YEAR = 1870;
    public static final int MAX_YEAR = 2100;

    public MovieSearchRequest {
        genres = List.copyOf(genres);
        facets = List.copyOf(facets);
    }

    public static MovieSearchRequest from(MultiValueMap<String, String> params) {
        String q = text(params, "q");
        String title = text(params, "title");
        String cast = text(params, "cast");
        List<String> genres = params.getOrDefault("genre", List.of()).stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
        for (String genre : genres) {
            if (genre.length() > 100) {
                throw new InvalidSearchException("genre", "genre must be at most 100 characters");
            }
        }
        Integer year = year(params, "year");
        Integer yearFrom = year(params, "yearFrom");
        Integer yearTo = year(params, "yearTo");
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new InvalidSearchException("yearFrom", "yearFrom (" + yearFrom + ") must not be after yearTo (" + yearTo + ")");
        }
        boolean fuzzy = bool(params, "fuzzy", true);
        String sortParam = params.getFirst("sort");
        MovieSort sort = sortParam == null || sortParam.isBlank() ? MovieSort.RELEVANCE : MovieSort.parse(sortParam.strip());
        int page = integer(params, "page", 1);
        if (page < 1) {
            throw new InvalidSearchException("page", "page must be 1 or more, not " + page);
        }
        int size = integer(params, "size", DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearchException("size", "size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new InvalidSearchException("page", "page × size must not exceed " + MAX_WINDOW + " (was " + (long) page * size
                    + "); narrow the search instead of paging this deep");
        }
        List<Facet> facets = params.getOrDefault("facets", List.of()).stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .filter(v -> !v.isBlank()).map(Facet::parse).distinct().toList();
        boolean highlight = bool(params, "highlight", false);
        return new MovieSearchRequest(q, title, cast, genres, year, yearFrom, yearTo, fuzzy, sort, page, size, facets, highlight);
    }

    /** Whether any condition narrows the search; without one, every movie matches. */
    public boolean hasText() {
        return q != null || title != null || cast != null;
    }

    public int from() {
        return (page - 1) * size;
    }

    /**
     * What the answer depends on, for the response cache: equal for requests Elasticsearch answers alike, because
     * the queries fold text and canonicalise genres (and all genres must match, in any order). {@code q} is keyed as
     * parsed: folding alone would make {@code godfather -part} and {@code godfather part} one answer.
     */
    Object cacheKey() {
        return new CacheKey(q == null ? null : SearchText.parse(q), fold(title), fold(cast),
                genres.stream().map(g -> Genres.canonical(g).toLowerCase(Locale.ROOT))
                .distinct().sorted().toList(), year, yearFrom, yearTo, fuzzy, sort, page, size, facets, highlight);
    }

    private static String fold(String text) {
        return text == null ? null : TextFolding.fold(text);
    }

    private record CacheKey(SearchText q, String title, String cast, List<String> genres, Integer year, Integer yearFrom, Integer yearTo,
            boolean fuzzy, MovieSort sort, int page, int size, List<Facet> facets, boolean highlight) {
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        return TextBounds.checked(name, params.getFirst(name), MAX_TEXT);
    }

    static Integer year(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return parseYear(name, value.strip());
    }

    public static int parseYear(String name, String value) {
        int year;
        try {
            year = Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            throw new InvalidSearchException(name, name + " must be a whole number between " + MIN_YEAR + " and " + MAX_YEAR + ", not '"
                    + abbreviate(value) + "'");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidSearchException(name, name + " must be between " + MIN_YEAR + " and " + MAX_YEAR + ", not " + year);
        }
        return year;
    }

    private static int integer(MultiValueMap<String, String> params, String name, int fallback) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new InvalidSearchException(name, name + " must be a whole number, not '" + abbreviate(value) + "'");
        }
    }

    private static boolean bool(MultiValueMap<String, String> params, String name, boolean fallback) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidSearchException(name, name + " must be true or false, not '" + abbreviate(value) + "'");
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 32 ? value : value.substring(0, 32) + "…";
    }
}
