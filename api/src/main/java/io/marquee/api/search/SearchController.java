package io.marquee.api.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.marquee.api.cache.ResponseCache;
import io.marquee.api.catalog.MovieView;

/**
 * {@code /v1/movies}: search, and one movie by id. Answers carry a strong ETag (a matching If-None-Match gets 304)
 * and caching headers.
 */
@RestController
@RequestMapping("/v1/movies")
class SearchController {

    private final MovieSearch search;
    private final ResponseCache cache;

    SearchController(MovieSearch search, ResponseCache cache) {
        this.search = search;
        this.cache = cache;
    }

    @GetMapping
    @Operation(summary = "Search movies", description = """
            Free text (q) over title, cast and extract; title and cast fuzzy or exact; genre (repeatable), year and year range as
            exact filters. Accent-, case- and punctuation-insensitive. sort: relevance, year, -year, title, -title.
            page is 1-based; size 1-100 (default 20); page × size ≤ 10,000.""")
    @Parameter(name = "q", description = "free text, at most 256 characters")
    @Parameter(name = "title", description = "a title; fuzzy unless fuzzy=false")
    @Parameter(name = "cast", description = "a cast member; fuzzy unless fuzzy=false")
    @Parameter(name = "genre", description = "a genre, repeatable (all must match)")
    @Parameter(name = "year", description = "an exact year, 1870-2100")
    @Parameter(name = "yearFrom", description = "first year, inclusive")
    @Parameter(name = "yearTo", description = "last year, inclusive")
    @Parameter(name = "fuzzy", description = "tolerate typos in q, title and cast (default true)")
    @Parameter(name = "sort", description = "relevance (default), year, -year, title, -title")
    @Parameter(name = "page", description = "1-based page (default 1)")
    @Parameter(name = "size", description = "results per page, 1-100 (default 20)")
    @Parameter(name = "facets", description = "counts over the matches: genres, decade, year (comma-separated or repeated)")
    @Parameter(name = "highlight", description = "mark what matched in title, cast and extract (default false)")
    Mono<ResponseEntity<SearchResults>> search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        return Mono.fromCallable(() -> MovieSearchRequest.from(params)).flatMap(search::search)
                .map(answer -> cache.ok(answer).body(answer.value()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One movie by id")
    Mono<ResponseEntity<MovieView>> byId(@PathVariable String id) {
        return search.byId(id).map(answer -> cache.ok(answer).body(answer.value()));
    }
}
