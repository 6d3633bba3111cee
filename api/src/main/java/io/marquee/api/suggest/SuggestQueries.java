package io.marquee.api.suggest;

import java.util.List;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.FieldSuggester;
import co.elastic.clients.util.ObjectBuilder;

import io.marquee.api.search.Typos;

/**
 * The requests typeahead sends, for folded text: public so the benchmark can send the very same bodies to
 * Elasticsearch directly. Completions start at any word of a title or a name (the index stores every word suffix),
 * ordered by prominence (the completion weight); {@link Typeahead} ranks the candidates.
 */
final class SuggestQueries {

    /** Candidates asked for per suggester: enough for the ranking to reorder the prominent ones it is given. */
    static final int CANDIDATES = 30;
    static final String TITLES = "titles";
    static final String CAST = "cast";
    static final String TITLES_WITHIN_TYPOS = "titles-typos";
    static final String CAST_WITHIN_TYPOS = "cast-typos";
    static final List<String> SOURCE = List.of("id", "title", "titleFolded", "year", "cast", "prominence", "castSuggest");

    private SuggestQueries() {
    }

    /**
     * Exact completions of titles and names and, where the typed text is long enough for a typo ({@link Typos}),
     * completions within typos (first letter exact), which {@link Typeahead} keeps only when the typo is not in the
     * last letters typed.
     */
    static Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> completions(String folded, int size) {
        Typed typed = Typed.of(folded);
        String text = typed.text();
        int edits = Typos.edits(text.length());
        int candidates = Math.max(CANDIDATES, size);
        return s -> s.size(0).source(src -> src.filter(f -> f.includes(SOURCE))).suggest(sg -> {
            sg.suggesters(TITLES, completion(text, "titleSuggest", candidates, 0, false));
            if (typed.year() == null) {
                sg.suggesters(CAST, completion(text, "castSuggest", candidates, 0, true));
            }
            if (edits > 0) {
                sg.suggesters(TITLES_WITHIN_TYPOS, completion(text, "titleSuggest", candidates, edits, false));
                if (typed.year() == null) {
                    sg.suggesters(CAST_WITHIN_TYPOS, completion(text, "castSuggest", candidates, edits, true));
                }
            }
            return sg;
        });
    }

    /**
     * One completion suggester. {@code byText} skips options whose matched text repeats: a person is in many movies,
     * all with the same name (two people who share a surname share its suffix too, and only the better known is kept
     * for it). Titles are not: two movies may end alike ("jurassic park" in The Lost World: Jurassic Park).
     */
    private static FieldSuggester completion(String text, String field, int size, int edits, boolean byText) {
        return FieldSuggester.of(fs -> fs.prefix(text).completion(c -> {
            c.field(field).size(size).skipDuplicates(byText);
            if (edits > 0) {
                c.fuzzy(f -> f.fuzziness(Integer.toString(edits)).prefixLength(Typos.EXACT_PREFIX).transpositions(true));
            }
            return c;
        }));
    }

    /**
     * The fallback: titles with every word typed, each whole or as the start of a word, in any place ({@code harry pot
     * sorc}), the better known first.
     */
    static Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> withinTitles(String folded, int size) {
        Typed typed = Typed.of(folded);
        List<Query> words = java.util.Arrays.stream(typed.text().split(" ")).filter(w -> !w.isEmpty())
                .map(w -> Query.of(q -> q.prefix(p -> p.field("titleFolded").value(w)))).toList();
        return s -> s.size(size).source(src -> src.filter(f -> f.includes(SOURCE)))
                .query(q -> q.bool(b -> {
                    b.filter(words);
                    if (typed.year() != null) {
                        b.filter(f -> f.term(t -> t.field("year").value(typed.year())));
                    }
                    return b;
                }))
                .sort(o -> o.field(f -> f.field("prominence").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
    }
}
