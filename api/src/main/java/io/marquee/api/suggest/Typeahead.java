package io.marquee.api.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.marquee.api.cache.Cached;
import io.marquee.api.cache.ResponseCache;
import io.marquee.api.catalog.MovieCatalog;
import io.marquee.schema.MovieDocument;
import io.marquee.text.TextFolding;

/**
 * Suggests titles and cast names for a prefix. One request asks both completion fields, each tolerating a typo from
 * four characters (two from eight, never in the first letter); exact prefixes score above fuzzy ones. When they find
 * fewer than wanted, a second request matches the words typed anywhere in titles, the last word as a prefix
 * ({@code park jur} finds Jurassic Park).
 */
@Service
class Typeahead {

    private final MovieCatalog catalog;
    private final ResponseCache cache;

    Typeahead(MovieCatalog catalog, ResponseCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    Mono<Cached<Suggestions>> suggest(String q, int size) {
        String folded = TextFolding.fold(q);
        Key key = new Key(folded, size);
        return cache.get(key, () -> completions(key)
                .flatMap(found -> found.size() >= size ? Mono.just(found) : withinTitles(key, found))
                .map(found -> new Suggestions(q, found)));
    }

    private Mono<List<Suggestion>> completions(Key key) {
        String folded = key.folded();
        int size = key.size();
        return catalog.suggest(key, SuggestQueries.completions(folded, size))
                .map(response -> merge(response, size));
    }

    private static List<Suggestion> merge(SearchResponse<MovieDocument> response, int size) {
        List<Scored> scored = new ArrayList<>();
        for (CompletionSuggestOption<MovieDocument> option : options(response, "titles")) {
            MovieDocument movie = option.source();
            scored.add(new Scored(option.score(), Suggestion.title(movie.title(), movie.id(), movie.year())));
        }
        for (CompletionSuggestOption<MovieDocument> option : options(response, "cast")) {
            String name = option.source().cast().stream().filter(c -> TextFolding.fold(c).equals(option.text())).findFirst()
                    .orElse(option.text());
            scored.add(new Scored(option.score(), Suggestion.cast(name)));
        }
        Map<String, Suggestion> unique = new LinkedHashMap<>();
        scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed())
                .forEach(s -> unique.putIfAbsent(s.suggestion().type() + ":" + (s.suggestion().id() != null ? s.suggestion().id()
                        : TextFolding.fold(s.suggestion().text())), s.suggestion()));
        return unique.values().stream().limit(size).toList();
    }

    private static List<CompletionSuggestOption<MovieDocument>> options(SearchResponse<MovieDocument> response, String name) {
        return response.suggest().getOrDefault(name, List.of()).stream().filter(s -> s.isCompletion())
                .flatMap(s -> s.completion().options().stream()).toList();
    }

    private Mono<List<Suggestion>> withinTitles(Key key, List<Suggestion> found) {
        String folded = key.folded();
        int size = key.size();
        if (folded.isBlank()) {
            return Mono.just(found);
        }
        return catalog.search(key, SuggestQueries.withinTitles(folded, size))
                .map(response -> {
                    List<Suggestion> all = new ArrayList<>(found);
                    for (Hit<MovieDocument> hit : response.hits().hits()) {
                        if (all.size() >= size) {
                            break;
                        }
                        if (all.stream().noneMatch(s -> hit.id().equals(s.id()))) {
                            all.add(Suggestion.title(hit.source().title(), hit.source().id(), hit.source().year()));
                        }
                    }
                    return all;
                });
    }

    private record Key(String folded, int size) {
    }

    private record Scored(double score, Suggestion suggestion) {
    }
}
