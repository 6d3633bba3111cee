package io.marquee.api.suggest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.marquee.api.cache.ResponseCache;
import io.marquee.api.search.InvalidSearchException;
import io.marquee.api.search.TextBounds;

/**
 * {@code /v1/suggest}: typeahead over titles and cast names.
 */
@RestController
class SuggestController {

    static final int MAX_TEXT = 100;
    static final int DEFAULT_SIZE = 8;
    static final int MAX_SIZE = 20;

    private final Typeahead typeahead;
    private final ResponseCache cache;

    SuggestController(Typeahead typeahead, ResponseCache cache) {
        this.typeahead = typeahead;
        this.cache = cache;
    }

    @GetMapping("/v1/suggest")
    @Operation(summary = "Suggest titles and cast names as people type", description = """
            Each suggestion is typed: a title (with the movie's id and year) or a cast name. Prefixes of the first word, typos
            from four characters, and (when those run short) words anywhere in a title, the last one as a prefix.""")
    Mono<ResponseEntity<Suggestions>> suggest(@Parameter(description = "what was typed, 1 to 100 characters") @RequestParam(required = false) String q,
            @Parameter(description = "suggestions wanted, 1-20 (default 8)") @RequestParam(required = false) String size) {
        return Mono.fromCallable(() -> new Request(text(q), size(size)))
                .flatMap(request -> typeahead.suggest(request.q(), request.size()))
                .map(answer -> cache.ok(answer).body(answer.value()));
    }

    private static String text(String q) {
        return TextBounds.required("q", q, MAX_TEXT);
    }

    private static int size(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        }
        catch (NumberFormatException ex) {
            // Reported below, with the range.
        }
        throw new InvalidSearchException("size", "size must be a whole number from 1 to " + MAX_SIZE);
    }

    private record Request(String q, int size) {
    }
}
