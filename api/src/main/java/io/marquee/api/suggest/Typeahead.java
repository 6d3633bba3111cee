package io.marquee.api.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import io.marquee.api.cache.Cached;
import io.marquee.api.cache.ResponseCache;
import io.marquee.api.catalog.MovieCatalog;
import io.marquee.api.search.Typos;
import io.marquee.ranking.Prominence;
import io.marquee.movie.MovieDocument;
import io.marquee.text.TextFolding;
import io.marquee.text.TitleWords;

/**
 * Suggests titles and people as someone types. Completions can start at any word of a title or a name, and every
 * word typed is a prefix of the words that follow ({@code dark kn}, {@code lord of the r}, {@code cruise}). The
 * candidates are ranked in tiers, then by score (docs/relevance.md):
 * <ol>
 * <li>what was typed starts a title or a name, at its first word or any later one;</li>
 * <li>it does so within typos ({@link Typos}), never in the last two letters typed;</li>
 * <li>when those run short: titles with every word typed, each whole or as a start, anywhere ({@code harry pot sorc}).</li>
 * </ol>
 * Within a tier, titles and people are interleaved by one score: their prominence (on the same 0–1 scale), plus
 * {@value #WHOLE} when what was typed is the whole title (a leading article left out) or the whole name, less
 * {@value #PER_WORD_LEFT} for each word of the completion left to type, and less {@value #INSIDE} when the match
 * starts inside the title or name rather than at its start. A year typed last ({@code psycho 1960}) keeps the titles
 * of that year.
 */
@Service
class Typeahead {

    /** The worth of having typed a whole title or name: "heat" means Heat before Heat Wave, when they are alike known. */
    static final double WHOLE = 0.1;
    /** The cost of each word left to type: "godf" means The Godfather before The Godfather Part II. */
    static final double PER_WORD_LEFT = 0.03;
    /** The cost of a match that starts inside a title or name ("raiders" in Phantom Raiders) rather than at its start. */
    static final double INSIDE = 0.15;
    private static final int STARTS = 0;
    private static final int WITHIN_TYPOS = 1;

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
                .flatMap(found -> found.size() >= size || folded.isBlank() ? Mono.just(found) : withinTitles(key, found))
                .map(found -> new Suggestions(q, found)));
    }

    private Mono<List<Suggestion>> completions(Key key) {
        if (key.folded().isBlank()) {
            return Mono.just(List.of());
        }
        return catalog.suggest(key, SuggestQueries.completions(key.folded(), key.size()))
                .map(response -> rank(Typed.of(key.folded()), response, key.size()));
    }

    static List<Suggestion> rank(Typed typed, SearchResponse<MovieDocument> response, int size) {
        List<Ranked> ranked = new ArrayList<>();
        for (String suggester : List.of(SuggestQueries.TITLES, SuggestQueries.TITLES_WITHIN_TYPOS)) {
            for (CompletionSuggestOption<MovieDocument> option : options(response, suggester)) {
                title(typed, option).ifPresent(ranked::add);
            }
        }
        for (String suggester : List.of(SuggestQueries.CAST, SuggestQueries.CAST_WITHIN_TYPOS)) {
            for (CompletionSuggestOption<MovieDocument> option : options(response, suggester)) {
                person(typed, option).ifPresent(ranked::add);
            }
        }
        Map<String, Suggestion> unique = new LinkedHashMap<>();
        ranked.stream().sorted(Comparator.comparingInt(Ranked::tier).thenComparing(Comparator.comparingDouble(Ranked::score).reversed())
                .thenComparing(r -> r.suggestion().text())).forEach(r -> unique.putIfAbsent(r.identity(), r.suggestion()));
        return unique.values().stream().limit(size).toList();
    }

    private static Optional<Ranked> title(Typed typed, CompletionSuggestOption<MovieDocument> option) {
        MovieDocument movie = option.source();
        String input = option.text();
        if (movie == null || input == null || (typed.year() != null && movie.year() != typed.year())) {
            return Optional.empty();
        }
        String title = movie.titleFolded() == null ? TextFolding.fold(movie.title()) : movie.titleFolded();
        boolean atStart = TitleWords.startsAtTheStart(title, input);
        OptionalInt tier = tier(typed.text(), input);
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        double prominence = movie.prominence() == null ? 0 : movie.prominence();
        return Optional.of(new Ranked(tier.getAsInt(), score(prominence, typed.text(), input, atStart),
                Suggestion.title(movie.title(), movie.id(), movie.year()), "title:" + movie.id()));
    }

    private static Optional<Ranked> person(Typed typed, CompletionSuggestOption<MovieDocument> option) {
        MovieDocument movie = option.source();
        String input = option.text();
        if (movie == null || input == null || movie.castSuggest() == null) {
            return Optional.empty();
        }
        Optional<MovieDocument.Suggestion> entry = movie.castSuggest().stream().filter(s -> s.input().contains(input)).findFirst();
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String name = entry.get().input().get(0);
        boolean atStart = name.equals(input);
        OptionalInt tier = tier(typed.text(), input);
        if (tier.isEmpty()) {
            return Optional.empty();
        }
        String shown = movie.cast().stream().filter(c -> TextFolding.fold(c).equals(name)).findFirst().orElse(name);
        double prominence = entry.get().weight() == null ? 0 : Prominence.fromWeight(entry.get().weight());
        return Optional.of(new Ranked(tier.getAsInt(), score(prominence, typed.text(), input, atStart), Suggestion.cast(shown), "cast:" + name));
    }

    /** The tier of a completion {@code input} for {@code typed}; none when a typo falls where typeahead allows none. */
    private static OptionalInt tier(String typed, String input) {
        if (input.startsWith(typed)) {
            return OptionalInt.of(STARTS);
        }
        return Typos.continues(input, typed) ? OptionalInt.of(WITHIN_TYPOS) : OptionalInt.empty();
    }

    private static double score(double prominence, String typed, String input, boolean atStart) {
        int left = Math.max(0, TitleWords.count(input) - TitleWords.count(typed));
        boolean whole = atStart && input.equals(typed);
        return prominence + (whole ? WHOLE : 0) - PER_WORD_LEFT * left - (atStart ? 0 : INSIDE);
    }

    private static List<CompletionSuggestOption<MovieDocument>> options(SearchResponse<MovieDocument> response, String name) {
        return response.suggest().getOrDefault(name, List.of()).stream().filter(s -> s.isCompletion())
                .flatMap(s -> s.completion().options().stream()).toList();
    }

    private Mono<List<Suggestion>> withinTitles(Key key, List<Suggestion> found) {
        return catalog.search(key, SuggestQueries.withinTitles(key.folded(), key.size()))
                .map(response -> {
                    List<Suggestion> all = new ArrayList<>(found);
                    for (Hit<MovieDocument> hit : response.hits().hits()) {
                        if (all.size() >= key.size()) {
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

    /** A candidate: its tier ({@value #STARTS} best), score and identity. */
    private record Ranked(int tier, double score, Suggestion suggestion, String identity) {
    }
}
