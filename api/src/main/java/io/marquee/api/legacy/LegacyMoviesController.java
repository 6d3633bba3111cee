package io.marquee.api.legacy;

import java.util.List;
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

import io.marquee.api.cache.ResponseCache;
import io.marquee.api.catalog.MovieView;
import io.marquee.api.search.InvalidSearchException;
import io.marquee.api.search.MovieQueries;
import io.marquee.api.search.MovieSearch;
import io.marquee.api.search.MovieSearchRequest;

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
        return lookup("year", () -> MovieQueries.year(MovieSearchRequest.parseYear("year", year.strip())), year.strip(), limit,
                "No movies from " + year.strip());
    }

    @GetMapping("/name/{name}")
    @Operation(summary = "Movies with exactly this title (case and accents ignored)")
    Mono<ResponseEntity<List<MovieView>>> byName(@PathVariable String name, @RequestParam(required = false) String limit) {
        return lookup("name", () -> MovieQueries.exactTitle(text("name", name)), name, limit, "No movie titled '" + name + "'");
    }

    @GetMapping("/castmember/{castmember}")
    @Operation(summary = "Movies with this cast member (case and accents ignored)")
    Mono<ResponseEntity<List<MovieView>>> byCastMember(@PathVariable String castmember, @RequestParam(required = false) String limit) {
        return lookup("castmember", () -> MovieQueries.exactCast(text("castmember", castmember)), castmember, limit,
                "No movies with '" + castmember + "'");
    }

    @GetMapping("/genre/{genre}")
    @Operation(summary = "Movies of a genre (spelling variants such as Sport/Sports are the same genre)")
    Mono<ResponseEntity<List<MovieView>>> byGenre(@PathVariable String genre, @RequestParam(required = false) String limit) {
        return lookup("genre", () -> MovieQueries.genre(text("genre", genre)), genre, limit, "No movies of genre '" + genre + "'");
    }

    private Mono<ResponseEntity<List<MovieView>>> lookup(String route, Supplier<Query> query, String value, String limit, String notFound) {
        return Mono.fromCallable(() -> new Lookup(query.get(), limit(limit)))
                .flatMap(lookup -> search.filtered(new CacheKey(route, value.strip(), lookup.limit()), lookup.query(), lookup.limit()))
                .flatMap(found -> found.value().total() == 0 ? Mono.error(new NoMatchException(notFound))
                        : Mono.just(cache.ok(found).header(TOTAL_COUNT, Long.toString(found.value().total())).body(found.value().movies())));
    }

    private static String text(String name, String value) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > MovieSearchRequest.MAX_TEXT) {
            throw new InvalidSearchException(name, name + " must be 1 to " + MovieSearchRequest.MAX_TEXT + " characters");
        }
        return text;
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

    private record Lookup(Query query, int limit) {
    }

    /** Equal for lookups that ask Elasticsearch the same: the route, the value and the limit. */
    private record CacheKey(String route, String value, int limit) {
    }
}
