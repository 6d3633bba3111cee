package io.marquee.indexer.index;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every hit of a query through a point in time and {@code search_after}: a consistent snapshot, however
 * long the reading takes and whatever is written meanwhile, with no deep-paging limit.
 */
public final class PitScan {

    private static final Logger log = LoggerFactory.getLogger(PitScan.class);

    private final ElasticsearchClient client;
    private final int pageSize;
    private final Duration keepAlive;

    /**
     * @param pageSize hits read per page
     * @param keepAlive how long the point in time is kept alive between pages
     */
    public PitScan(ElasticsearchClient client, int pageSize, Duration keepAlive) {
        this.client = client;
        this.pageSize = pageSize;
        this.keepAlive = keepAlive;
    }

    /** Hands every hit to {@code each}, page by page, running {@code checkpoint} before each page. */
    public <T> void scan(String indices, Query query, List<String> sourceIncludes, Class<T> type, Runnable checkpoint, Consumer<Hit<T>> each) {
        String keepAlive = this.keepAlive.toSeconds() + "s";
        String pit = Calls.io("opening a point in time on " + indices, () -> client.openPointInTime(p -> p.index(indices)
                .keepAlive(k -> k.time(keepAlive)).ignoreUnavailable(true)).id());
        try {
            List<FieldValue> after = null;
            while (true) {
                checkpoint.run();
                String pitId = pit;
                List<FieldValue> searchAfter = after;
                SearchResponse<T> page = Calls.io("reading " + indices, () -> client.search(s -> {
                    s.pit(p -> p.id(pitId).keepAlive(k -> k.time(keepAlive))).size(pageSize).version(true).query(query)
                            .sort(o -> o.field(f -> f.field("_shard_doc"))).trackTotalHits(t -> t.enabled(false));
                    if (!sourceIncludes.isEmpty()) {
                        s.source(src -> src.filter(f -> f.includes(sourceIncludes)));
                    }
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, type));
                List<Hit<T>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                hits.forEach(each);
                if (page.pitId() != null) {
                    pit = page.pitId();
                }
                after = hits.get(hits.size() - 1).sort();
            }
        }
        finally {
            String pitId = pit;
            try {
                client.closePointInTime(c -> c.id(pitId));
            }
            catch (IOException | RuntimeException ex) {
                log.warn("Could not close the point in time on {}; it expires on its own: {}", indices, ex.toString());
            }
        }
    }
}
