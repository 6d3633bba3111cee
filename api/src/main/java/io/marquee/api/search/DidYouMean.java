package io.marquee.api.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import co.elastic.clients.util.ObjectBuilder;

import io.marquee.movie.MovieDocument;

/**
 * "Did you mean": for a search that found nothing, its words re-spelt from the catalogue's own titles and names. One
 * request asks, for every word, whether any title or name has it, and the term suggester for the closest terms of
 * the titles and of the names (up to two edits, the first letter included, which the search's typo tolerance never
 * changes). Words the catalogue has are kept; each other word becomes its closest term, the more frequent on a tie.
 */
final class DidYouMean {

    static final List<String> FIELDS = List.of("titleFolded", "castFolded");
    private static final int MAX_EDITS = 2;

    private DidYouMean() {
    }

    static Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request(List<String> words) {
        return s -> {
            s.size(0);
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                s.aggregations("has" + i, a -> a.filter(f -> f.bool(b -> {
                    FIELDS.forEach(field -> b.should(q -> q.term(t -> t.field(field).value(word))));
                    return b.minimumShouldMatch("1");
                })));
            }
            String text = String.join(" ", words);
            return s.suggest(sg -> {
                sg.text(text);
                FIELDS.forEach(field -> sg.suggesters(field, fs -> fs.term(t -> t.field(field).size(1).suggestMode(SuggestMode.Always)
                        .maxEdits(MAX_EDITS).prefixLength(0).minWordLength(Typos.ONE_EDIT))));
                return sg;
            });
        };
    }

    /** The words re-spelt, when at least one word is not in the catalogue and has a close term that is. */
    static Optional<String> from(SearchResponse<MovieDocument> response, List<String> words) {
        List<String> respelt = new ArrayList<>(words);
        boolean changed = false;
        for (int i = 0; i < words.size(); i++) {
            Aggregate has = response.aggregations().get("has" + i);
            if (has != null && has.filter().docCount() > 0) {
                continue;
            }
            String word = words.get(i);
            Optional<TermSuggestOption> best = FIELDS.stream().flatMap(field -> response.suggest().getOrDefault(field, List.of()).stream())
                    .filter(s -> s.isTerm() && s.term().text().equals(word)).flatMap(s -> s.term().options().stream())
                    .max(Comparator.comparingDouble(TermSuggestOption::score).thenComparingLong(TermSuggestOption::freq));
            if (best.isPresent()) {
                respelt.set(i, best.get().text());
                changed = true;
            }
        }
        return changed ? Optional.of(String.join(" ", respelt)) : Optional.empty();
    }
}
