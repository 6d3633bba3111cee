package io.marquee.api.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldValueFactorModifier;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import io.marquee.text.Genres;
import io.marquee.text.TextFolding;

/**
 * Builds Elasticsearch queries from validated requests. All text is folded with {@link TextFolding} first,
 * exactly as the indexer folded it, and matched against the {@code *Folded} fields. User input only ever
 * becomes a term or a match query's text, never query syntax.
 * <p>
 * Ranking is lexicographic, as Meilisearch's bucket sort is, but script-free: each rule is a constant-score clause
 * worth a power of two, more than every rule below it together, and prominence (in [0, 1)) is added last. So a
 * movie that satisfies a better rule always ranks above one that does not, and prominence only orders movies that
 * satisfy the same rules: an exact title beats a prominent fuzzy one. The rules for {@code q}, best first:
 * <ol>
 * <li>the words are the whole title (a leading article may be left out);</li>
 * <li>they are the whole title as typed so far: every word the start of the title's next word ({@code jur par} is
 * Jurassic Park, not Jurassic Park III);</li>
 * <li>every word is in the title or inside one cast name, names matched as runs of at least two words, so "Tom
 * Hanks Meg Ryan" needs both people, not a Tom and a Ryan from different names;</li>
 * <li>every word is in the title;</li>
 * <li>every word is in the title or the cast (or two neighbours written together are: {@code di caprio});</li>
 * <li>every word is in the title, whole or as the start of a word ({@code dar kni});</li>
 * <li>the whole title is within typos of the words;</li>
 * <li>every word is in the title whole or as a start, or in the cast whole (the last word as a start: {@code tom cru});</li>
 * <li>every word is there whole, as a start, or within typos ({@link Typos});</li>
 * <li>the year named in the words is the movie's year;</li>
 * <li>the words are a phrase in the title;</li>
 * <li>every word is in the extract.</li>
 * </ol>
 * A year among other words is a signal, not a word to match. Quoted phrases must match as phrases (in the title,
 * cast or extract), and words or phrases after a minus must not match anywhere. {@code title} and {@code cast} rank
 * by their own rules: exact, phrase, all words, all words as starts, within typos.
 */
public final class MovieQueries {

    /** Words of {@code q} past this many are not matched: each word adds clauses, and no title needs more. */
    static final int MAX_WORDS = 10;
    /**
     * Words given typo tolerance, at most: each costs a fuzzy query per field, expanded to up to
     * {@link Typos#MAX_EXPANSIONS} terms, so the cost of a query stays bounded whatever its length.
     */
    static final int MAX_FUZZY_WORDS = 6;
    /** Longer words and whole texts are matched exactly or by prefix only: a typo automaton over them costs much, finds little. */
    static final int MAX_FUZZY_LENGTH = 48;
    /** Longer queries are not tried with neighbouring words joined: variants grow with every word. */
    static final int MAX_JOINED_WORDS = 4;
    /** Cast names are matched as runs of this many words at most. */
    static final int MAX_NAME_WORDS = 3;
    /** Words shorter than this are matched whole only: one letter would start half the words of the catalogue. */
    static final int MIN_PREFIX = 2;

    private static final float EXACT_TITLE = 2048;
    private static final float TITLE_AS_TYPED = 1024;
    private static final float PEOPLE = 512;
    private static final float TITLE_WORDS = 256;
    private static final float WHOLE_WORDS = 128;
    private static final float TITLE_STARTS = 64;
    private static final float TITLE_WITHIN_TYPOS = 32;
    private static final float WORD_STARTS = 16;
    private static final float WITHIN_TYPOS = 8;
    private static final float YEAR = 4;
    private static final float TITLE_PHRASE = 2;
    private static final float EXTRACT = 1;
    private static final List<String> MATCHED = List.of("titleFolded", "castFolded");
    private static final List<String> SEARCHABLE = List.of("titleFolded", "castFolded", "extractFolded");

    private MovieQueries() {
    }

    public static Query of(MovieSearchRequest request) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        List<Query> mustNot = new ArrayList<>();
        if (request.q() != null) {
            SearchText text = SearchText.parse(request.q());
            freeText(text, request.fuzzy()).ifPresent(must::add);
            text.phrases().forEach(phrase -> filter.add(anyField(SEARCHABLE, field -> phrase(field, phrase))));
            text.excluded().forEach(excluded -> mustNot.add(anyField(SEARCHABLE, field -> phrase(field, excluded))));
        }
        if (request.title() != null) {
            addNamed(request.title(), "titleFolded", request.fuzzy(), must, filter);
        }
        if (request.cast() != null) {
            addNamed(request.cast(), "castFolded", request.fuzzy(), must, filter);
        }
        request.genres().forEach(genre -> filter.add(genre(genre)));
        if (request.year() != null) {
            filter.add(Query.of(q -> q.term(t -> t.field("year").value(request.year()))));
        }
        if (request.yearFrom() != null || request.yearTo() != null) {
            filter.add(Query.of(q -> q.range(r -> r.number(n -> {
                n.field("year");
                if (request.yearFrom() != null) {
                    n.gte(request.yearFrom().doubleValue());
                }
                if (request.yearTo() != null) {
                    n.lte(request.yearTo().doubleValue());
                }
                return n;
            }))));
        }
        if (must.isEmpty() && filter.isEmpty() && mustNot.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        Query matching = Query.of(q -> q.bool(b -> b.must(must).filter(filter).mustNot(mustNot)));
        if (must.isEmpty()) {
            return matching;
        }
        // Prominence, in [0, 1), is added to the rules' powers of two: it orders movies that meet the same rules only.
        return Query.of(q -> q.functionScore(fs -> fs.query(matching).boostMode(FunctionBoostMode.Sum)
                .functions(f -> f.fieldValueFactor(v -> v.field("prominence").missing(0.0).modifier(FieldValueFactorModifier.None)))));
    }

    /** An exact, case- and accent-insensitive title: for the original contract's {@code /movies/name/{name}}. */
    public static Query exactTitle(String title) {
        return exact("titleFolded.keyword", title);
    }

    /** An exact, case- and accent-insensitive cast member. */
    public static Query exactCast(String name) {
        return exact("castFolded.keyword", name);
    }

    /** A genre under any of its spellings. */
    public static Query genre(String genre) {
        String canonical = Genres.canonical(genre).toLowerCase(Locale.ROOT);
        return Query.of(q -> q.term(t -> t.field("genres.normalized").value(canonical)));
    }

    public static Query year(int year) {
        return Query.of(q -> q.term(t -> t.field("year").value(year)));
    }

    public static List<SortOptions> sort(MovieSort order, boolean hasText) {
        MovieSort effective = order == MovieSort.RELEVANCE && !hasText ? MovieSort.YEAR_DESC : order;
        List<SortOptions> sort = new ArrayList<>();
        switch (effective) {
            case RELEVANCE -> sort.add(SortOptions.of(s -> s.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))));
            case YEAR -> sort.add(field("year", false));
            case YEAR_DESC -> sort.add(field("year", true));
            case TITLE -> sort.add(field("titleFolded.keyword", false));
            case TITLE_DESC -> sort.add(field("titleFolded.keyword", true));
            default -> throw new IllegalStateException("Unhandled sort " + effective);
        }
        if (effective != MovieSort.YEAR && effective != MovieSort.YEAR_DESC) {
            sort.add(field("year", true));
        }
        if (effective != MovieSort.TITLE && effective != MovieSort.TITLE_DESC) {
            sort.add(field("titleFolded.keyword", false));
        }
        // The id makes the order total, so pages never overlap or skip.
        sort.add(field("id", false));
        return sort;
    }

    private static void addNamed(String text, String field, boolean fuzzy, List<Query> must, List<Query> filter) {
        String folded = TextFolding.fold(text);
        if (fuzzy) {
            must.add(named(folded, field));
        }
        else {
            filter.add(exact(field + ".keyword", text));
        }
    }

    /**
     * A title or a cast name, by rules as {@code q}'s: exact, then as a phrase, all words, all words as starts (or
     * joined), the whole within typos, all words within typos.
     */
    private static Query named(String folded, String field) {
        List<String> words = limit(words(folded));
        List<String> fields = List.of(field);
        return Query.of(q -> q.bool(b -> b
                .should(rule(term(field + ".keyword", folded), 32))
                .should(rule(phrase(field, folded), 16))
                .should(rule(every(words, w -> term(field, w)), 8))
                .should(rule(anyOf(every(words, w -> wordOrStart(fields, w)), joined(words, fields)), 4))
                .should(rule(words(folded).size() > MAX_WORDS || folded.length() > MAX_FUZZY_LENGTH ? Query.of(n -> n.matchNone(m -> m))
                        : fuzzy(field + ".keyword", folded), 2))
                .should(rule(every(words, w -> anyMatch(fields, w, true)), 1))
                .minimumShouldMatch("1")));
    }

    private static java.util.Optional<Query> freeText(SearchText text, boolean fuzzy) {
        if (text.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> all = limit(text.terms());
        List<String> besideYear = limit(besideYear(text));
        List<Query> rules = new ArrayList<>();
        List<String> wholeTexts = new ArrayList<>();
        text.whole(text.words()).ifPresent(wholeTexts::add);
        text.whole(text.wordsBesideTheYear()).filter(w -> !wholeTexts.contains(w)).ifPresent(wholeTexts::add);
        // A title of more words than are matched needs no comparison with the whole text, and none is that long.
        wholeTexts.removeIf(w -> words(w).size() > MAX_WORDS);
        List<Query> exactTitles = new ArrayList<>();
        for (String whole : wholeTexts) {
            exactTitles.add(term("titleFolded.keyword", whole));
            exactTitles.add(term("titleBare", whole));
        }
        rules.add(rule(anyOf(exactTitles), EXACT_TITLE));
        List<Query> typedTitles = new ArrayList<>();
        for (String whole : wholeTexts) {
            typedTitles.add(asTyped("titleFolded.keyword", whole));
            typedTitles.add(asTyped("titleBare", whole));
        }
        rules.add(rule(anyOf(typedTitles), TITLE_AS_TYPED));
        rules.add(rule(people(besideYear), PEOPLE));
        rules.add(rule(every(besideYear, w -> term("titleFolded", w)), TITLE_WORDS));
        rules.add(rule(anyOf(every(besideYear, w -> anyField(MATCHED, f -> term(f, w))), joined(besideYear, MATCHED)), WHOLE_WORDS));
        rules.add(rule(every(besideYear, w -> wordOrStart(List.of("titleFolded"), w)), TITLE_STARTS));
        String last = besideYear.isEmpty() ? "" : besideYear.get(besideYear.size() - 1);
        rules.add(rule(every(besideYear, w -> anyOf(wordOrStart(List.of("titleFolded"), w),
                w.equals(last) ? wordOrStart(List.of("castFolded"), w) : term("castFolded", w))), WORD_STARTS));
        if (fuzzy) {
            List<Query> fuzzyTitles = new ArrayList<>();
            for (String whole : wholeTexts) {
                if (whole.length() <= MAX_FUZZY_LENGTH) {
                    fuzzyTitles.add(fuzzy("titleFolded.keyword", whole));
                    fuzzyTitles.add(fuzzy("titleBare", whole));
                }
            }
            rules.add(rule(anyOf(fuzzyTitles), TITLE_WITHIN_TYPOS));
            List<String> tolerant = besideYear.subList(0, Math.min(besideYear.size(), MAX_FUZZY_WORDS));
            rules.add(rule(every(besideYear, w -> anyMatch(MATCHED, w, tolerant.contains(w) && w.length() <= MAX_FUZZY_LENGTH)), WITHIN_TYPOS));
        }
        rules.add(rule(phrase("titleFolded", String.join(" ", besideYear)), TITLE_PHRASE));
        rules.add(rule(every(all, w -> term("extractFolded", w)), EXTRACT));
        Query matches = Query.of(q -> q.bool(b -> b.should(rules).minimumShouldMatch("1")));
        if (text.year() == null) {
            return java.util.Optional.of(matches);
        }
        // The year orders what the words find; alone (q=1917), it also finds the movies of that year, after the film.
        Query year = rule(year(text.year()), YEAR);
        boolean yearAlone = text.wordsBesideTheYear().equals(text.words()) && text.phrases().isEmpty();
        return java.util.Optional.of(Query.of(q -> q.bool(b -> yearAlone ? b.should(matches, year).minimumShouldMatch("1")
                : b.must(matches).should(year))));
    }

    private static List<String> besideYear(SearchText text) {
        List<String> words = new ArrayList<>(text.wordsBesideTheYear());
        text.phrases().forEach(p -> words.addAll(words(p)));
        return words;
    }

    /**
     * Every word is in the title or inside a cast name that two or more neighbouring words spell as a phrase (with the
     * mapping's position gap, a phrase never spans two names). One word alone may be a name's single word.
     */
    private static Query people(List<String> words) {
        if (words.size() == 1) {
            return anyField(MATCHED, f -> term(f, words.get(0)));
        }
        List<Query> each = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            List<Query> covering = new ArrayList<>();
            covering.add(term("titleFolded", words.get(i)));
            for (int length = 2; length <= MAX_NAME_WORDS; length++) {
                for (int from = Math.max(0, i - length + 1); from <= i && from + length <= words.size(); from++) {
                    covering.add(phrase("castFolded", String.join(" ", words.subList(from, from + length))));
                }
            }
            each.add(anyOf(covering));
        }
        return Query.of(q -> q.bool(b -> b.filter(each)));
    }

    /** A word whole, or as the start of a word when it is long enough to start only some. */
    private static Query wordOrStart(List<String> fields, String word) {
        return word.length() < MIN_PREFIX ? anyField(fields, f -> term(f, word))
                : anyField(fields, f -> Query.of(q -> q.prefix(p -> p.field(f).value(word))));
    }

    /** A word whole, as a start, or (when {@code typos}) within its typo tolerance. */
    private static Query anyMatch(List<String> fields, String word, boolean typos) {
        List<Query> ways = new ArrayList<>();
        ways.add(wordOrStart(fields, word));
        if (typos && Typos.edits(word.length()) > 0) {
            fields.forEach(f -> ways.add(fuzzy(f, word)));
        }
        return anyOf(ways);
    }

    /**
     * The words with one pair of neighbours written together, as search engines do for names typed apart
     * ({@code di caprio} finds DiCaprio): one variant a pair, for two to four words.
     */
    private static Query joined(List<String> words, List<String> fields) {
        if (words.size() < 2 || words.size() > MAX_JOINED_WORDS) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        List<Query> variants = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            List<String> variant = new ArrayList<>(words.subList(0, i));
            variant.add(words.get(i) + words.get(i + 1));
            variant.addAll(words.subList(i + 2, words.size()));
            variants.add(every(variant, w -> anyField(fields, f -> term(f, w))));
        }
        return anyOf(variants);
    }

    /**
     * A keyword that is the folded text as typed so far: each word the start of the next word, nothing after. Folded
     * text holds only lower-case letters, digits and single spaces, so it needs no escaping in a regular expression.
     */
    private static Query asTyped(String field, String folded) {
        String pattern = String.join("[^ ]* ", folded.split(" ")) + "[^ ]*";
        return Query.of(q -> q.regexp(r -> r.field(field).value(pattern)));
    }

    private static Query rule(Query query, float worth) {
        return Query.of(q -> q.constantScore(c -> c.filter(query).boost(worth)));
    }

    private static Query every(List<String> words, Function<String, Query> each) {
        if (words.isEmpty()) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        List<Query> all = words.stream().map(each).toList();
        return Query.of(q -> q.bool(b -> b.filter(all)));
    }

    private static Query anyOf(Query... queries) {
        return anyOf(List.of(queries));
    }

    private static Query anyOf(List<Query> queries) {
        return Query.of(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")));
    }

    private static Query anyField(List<String> fields, Function<String, Query> each) {
        return anyOf(fields.stream().map(each).toList());
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query phrase(String field, String text) {
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(text)));
    }

    private static Query fuzzy(String field, String text) {
        return Query.of(q -> q.fuzzy(f -> f.field(field).value(text).fuzziness(Typos.fuzziness(text)).prefixLength(Typos.EXACT_PREFIX)
                .maxExpansions(Typos.MAX_EXPANSIONS).transpositions(true)));
    }

    private static List<String> words(String folded) {
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    private static List<String> limit(List<String> words) {
        return words.size() <= MAX_WORDS ? words : words.subList(0, MAX_WORDS);
    }

    private static Query exact(String field, String text) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(TextFolding.fold(text)))));
    }

    private static SortOptions field(String name, boolean descending) {
        co.elastic.clients.elasticsearch._types.SortOrder order = descending ? co.elastic.clients.elasticsearch._types.SortOrder.Desc
                : co.elastic.clients.elasticsearch._types.SortOrder.Asc;
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order)));
    }
}
