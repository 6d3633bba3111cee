package io.marquee.api.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

import io.marquee.text.Genres;
import io.marquee.text.TextFolding;

/**
 * Builds Elasticsearch queries from validated requests. All text is folded with {@link TextFolding} first,
 * exactly as the indexer folded it, and matched against the {@code *Folded} fields. User input only ever
 * becomes a term or a match query's text, never query syntax.
 * <p>
 * Ranking: an exact (folded) title beats a phrase match, which beats all words matching, which beats a
 * fuzzy match; so the film a person names exactly comes first even when fuzzier ones exist.
 */
public final class MovieQueries {

    /** Typo tolerance: none below 4 characters, one from 4, two from 8. */
    static final String FUZZINESS = "AUTO:4,8";
    static final int PREFIX_LENGTH = 1;
    static final int MAX_EXPANSIONS = 50;
    /** Shorter text gets no prefix matching: one or two letters would match half the catalogue. */
    static final int MIN_PREFIX_QUERY = 3;
    /** Longer queries are not tried with neighbouring words joined: variants grow with every word. */
    static final int MAX_JOINED_WORDS = 4;

    private MovieQueries() {
    }

    public static Query of(MovieSearchRequest request) {
        List<Query> must = new ArrayList<>();
        List<Query> filter = new ArrayList<>();
        if (request.q() != null) {
            must.add(freeText(TextFolding.fold(request.q()), request.fuzzy()));
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
        if (must.isEmpty() && filter.isEmpty()) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.bool(b -> b.must(must).filter(filter)));
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

    public static List<SortOptions> sort(SortOrder order, boolean hasText) {
        SortOrder effective = order == SortOrder.RELEVANCE && !hasText ? SortOrder.YEAR_DESC : order;
        List<SortOptions> sort = new ArrayList<>();
        switch (effective) {
            case RELEVANCE -> sort.add(SortOptions.of(s -> s.score(sc -> sc.order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))));
            case YEAR -> sort.add(field("year", false));
            case YEAR_DESC -> sort.add(field("year", true));
            case TITLE -> sort.add(field("titleFolded.keyword", false));
            case TITLE_DESC -> sort.add(field("titleFolded.keyword", true));
            default -> throw new IllegalStateException("Unhandled sort " + effective);
        }
        if (effective != SortOrder.YEAR && effective != SortOrder.YEAR_DESC) {
            sort.add(field("year", true));
        }
        if (effective != SortOrder.TITLE && effective != SortOrder.TITLE_DESC) {
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

    private static Query named(String folded, String field) {
        return Query.of(q -> q.bool(b -> b
                .should(s -> s.term(t -> t.field(field + ".keyword").value(folded).boost(10f)))
                .should(s -> s.matchPhrase(m -> m.field(field).query(folded).boost(4f)))
                .should(s -> s.match(m -> m.field(field).query(folded).operator(Operator.And).boost(2f)))
                .should(s -> s.match(m -> m.field(field).query(folded).operator(Operator.And).fuzziness(FUZZINESS)
                        .prefixLength(PREFIX_LENGTH).maxExpansions(MAX_EXPANSIONS)))
                .should(asTyped(folded, field))
                .should(joined(folded, field))
                .minimumShouldMatch("1")));
    }

    /**
     * The words typed with one pair of neighbours written together, as search engines do for names typed apart
     * ({@code di caprio} finds DiCaprio): one variant a pair, for queries of two to four words.
     */
    private static Query joined(String folded, String... fields) {
        String[] words = folded.split(" ");
        if (words.length < 2 || words.length > MAX_JOINED_WORDS) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        List<Query> variants = new ArrayList<>();
        for (int i = 0; i + 1 < words.length; i++) {
            StringBuilder variant = new StringBuilder();
            for (int j = 0; j < words.length; j++) {
                variant.append(j == 0 ? "" : j == i + 1 ? "" : " ").append(words[j]);
            }
            String text = variant.toString();
            variants.add(Query.of(q -> q.multiMatch(m -> m.query(text).operator(Operator.And).fields(List.of(fields)))));
        }
        return Query.of(q -> q.bool(b -> b.should(variants)));
    }

    /**
     * Every word but the last matched whole, the last as a prefix (index_prefixes make it cheap): {@code jurassic pa},
     * {@code tom cru}. Not for one or two characters in all, which would match half the catalogue.
     */
    private static Query asTyped(String folded, String... fields) {
        if (folded.length() < MIN_PREFIX_QUERY) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        return Query.of(q -> q.multiMatch(m -> m.query(folded).type(TextQueryType.BoolPrefix).operator(Operator.And)
                .fields(List.of(fields))));
    }

    private static Query freeText(String folded, boolean fuzzy) {
        return Query.of(q -> q.bool(b -> {
            b.should(s -> s.term(t -> t.field("titleFolded.keyword").value(folded).boost(20f)))
                    .should(s -> s.term(t -> t.field("castFolded.keyword").value(folded).boost(10f)))
                    .should(s -> s.matchPhrase(m -> m.field("titleFolded").query(folded).boost(6f)))
                    .should(s -> s.multiMatch(m -> m.query(folded).type(TextQueryType.BestFields).operator(Operator.And)
                            .fields("titleFolded^3", "castFolded^2", "extractFolded^0.5").boost(2f)))
                    .should(s -> s.multiMatch(m -> m.query(folded).type(TextQueryType.CrossFields).operator(Operator.And)
                            .fields("titleFolded^2", "castFolded")))
                    .should(asTyped(folded, "titleFolded", "castFolded"))
                    .should(joined(folded, "titleFolded", "castFolded"));
            if (fuzzy) {
                b.should(s -> s.multiMatch(m -> m.query(folded).type(TextQueryType.BestFields).operator(Operator.And)
                        .fields("titleFolded^2", "castFolded").fuzziness(FUZZINESS).prefixLength(PREFIX_LENGTH)
                        .maxExpansions(MAX_EXPANSIONS)));
            }
            return b.minimumShouldMatch("1");
        }));
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
