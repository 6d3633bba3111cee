package io.marquee.api.legacy;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.marquee.api.cache.Cached;
import io.marquee.api.cache.ResponseCache;
import io.marquee.api.catalog.MovieView;
import io.marquee.api.search.InvalidSearchException;
import io.marquee.api.search.MovieQueries;
import io.marquee.api.search.MovieSearch;
import io.marquee.api.search.MovieSearchRequest;
import io.marquee.api.search.TextBounds;
import io.marquee.text.Genres;
import io.marquee.text.TextFolding;

/**
 * The four lookups of the original API. Results come in year then title order, at most {@code limit} of them
 * (default 100, at most 1000); {@code X-Total-Count} says how many match in all.
 */
@RestController
@RequestMapping("/movies")
class LegacyMoviesController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final String TOTAL_COUNT = "X-Total-Count";

    private final MovieSearch search;
    private final ResponseCache cache;

    LegacyMoviesController(MovieSearch search, ResponseCache cache) {
        this.search = search;
        this.cache = cache;
    }

    @GetMapping("/year/{year}")
    @Operation(summary = "Movies of a year")
    Mono<ResponseEntity<List<MovieView>>> byYear(@PathVariable String year, @Parameter(description = "at most 1000") @RequestParam(
            required = false) String limit) {
        return lookup("year", () -> MovieSearchRequest.parseYear("year", year.strip()), MovieQueries::year, limit,
                "No movies from " + year.strip());
    }

    @GetMapping("/name/{name}")
    @Operation(summary = "Movies with exactly this title (case and accents ignored)")
    Mono<ResponseEntity<List<MovieView>>> byName(@PathVariable String name, @RequestParam(required = false) String limit) {
        return lookup("name", () -> TextFolding.fold(text("name", name)), MovieQueries::exactTitle, limit, "No movie titled '" + name + "'");
    }

    @GetMapping("/castmember/{castmember}")
    @Operation(summary = "Movies with this cast member (case and accents ignored)")
    Mono<ResponseEntity<List<MovieView>>> byCastMember(@PathVariable String castmember, @RequestParam(required = false) String limit) {
        return lookup("castmember", () -> TextFolding.fold(text("castmember", castmember)), MovieQueries::exactCast, limit,
                "No movies with '" + castmember + "'");
    }

    @GetMapping("/genre/{genre}")
    @Operation(summary = "Movies of a genre (spelling variants such as Sport/Sports are the same genre)")
    Mono<ResponseEntity<List<MovieView>>> byGenre(@PathVariable String genre, @RequestParam(required = false) String limit) {
        return lookup("genre", () -> Genres.canonical(text("genre", genre)).toLowerCase(Locale.ROOT), MovieQueries::genre, limit,
                "No movies of genre '" + genre + "'");
    }

    /**
     * One lookup, cached by what Elasticsearch answers alike: the route, the value normalised as the query normalises it
     * (folded, canonical), and the list fetched, which is the first {@value #DEFAULT_LIMIT} or the first
     * {@value #MAX_LIMIT}, sliced to the limit asked. So spellings and limits share at most two entries a value, and
     * each limit's answer still has its own ETag.
     */
    private <V> Mono<ResponseEntity<List<MovieView>>> lookup(String route, Supplier<V> value, Function<V, Query> query, String limit,
            String notFound) {
        return Mono.fromCallable(() -> new Lookup<>(value.get(), limit(limit)))
                .flatMap(lookup -> search.filtered(new CacheKey(route, lookup.value(), lookup.fetched()), query.apply(lookup.value()),
                        lookup.fetched()).map(found -> sliced(found, lookup.limit())))
                .flatMap(found -> found.value().total() == 0 ? Mono.error(new NoMatchException(notFound))
                        : Mono.just(cache.ok(found).header(TOTAL_COUNT, Long.toString(found.value().total())).body(found.value().movies())));
    }

    /** The first {@code limit} movies of a cached answer; the ETag names the limit, as the body depends on it. */
    private static Cached<MovieSearch.FilteredMovies> sliced(Cached<MovieSearch.FilteredMovies> found, int limit) {
        List<MovieView> movies = found.value().movies();
        if (movies.size() <= limit) {
            return found;
        }
        return new Cached<>(new MovieSearch.FilteredMovies(found.value().total(), movies.subList(0, limit)), found.generation(),
                found.etag().substring(0, found.etag().length() - 1) + "-" + limit + "\"", found.source());
    }

    private static String text(String name, String value) {
        return TextBounds.required(name, value, MovieSearchRequest.MAX_TEXT);
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.strip());
        }
        catch (NumberFormatException ex) {
            throw new InvalidSearchException("limit", "limit must be a whole number between 1 and " + MAX_LIMIT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidSearchException("limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    private record Lookup<V>(V value, int limit) {

        int fetched() {
            return limit <= DEFAULT_LIMIT ? DEFAULT_LIMIT : MAX_LIMIT;
        }
    }

    /** Equal for lookups that ask Elasticsearch the same: the route, the normalised value and the list fetched. */
    private record CacheKey(String route, Object value, int fetched) {
    }
}
