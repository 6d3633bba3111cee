package io.marquee.api.suggest;

import java.util.List;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.ObjectBuilder;

/**
 * The requests typeahead sends, for folded text: public so the benchmark can send the very same bodies to
 * Elasticsearch directly.
 */
public final class SuggestQueries {

    static final String FUZZINESS = "AUTO:4,8";
    private static final List<String> SOURCE = List.of("id", "title", "year", "cast");

    private SuggestQueries() {
    }

    /** Both completion fields, a typo allowed from four characters and two from eight, never in the first letter. */
    public static Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> completions(String folded, int size) {
        return s -> s.size(0).source(src -> src.filter(f -> f.includes(SOURCE)))
                .suggest(sg -> sg
                        .suggesters("titles", fs -> fs.prefix(folded).completion(c -> c.field("titleSuggest").size(size)
                                .fuzzy(f -> f.fuzziness(FUZZINESS).prefixLength(1))))
                        .suggesters("cast", fs -> fs.prefix(folded).completion(c -> c.field("castSuggest").size(size).skipDuplicates(true)
                                .fuzzy(f -> f.fuzziness(FUZZINESS).prefixLength(1)))));
    }

    /** The fallback: the words typed anywhere in titles, the last one as a prefix. */
    public static Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> withinTitles(String folded, int size) {
        return s -> s.size(size).source(src -> src.filter(f -> f.includes(SOURCE)))
                .query(q -> q.matchBoolPrefix(m -> m.field("titleFolded").query(folded).fuzziness(FUZZINESS).prefixLength(1)
                        .operator(Operator.And)));
    }
}
