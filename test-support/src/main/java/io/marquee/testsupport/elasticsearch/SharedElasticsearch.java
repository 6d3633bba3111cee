package io.marquee.testsupport.elasticsearch;

import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import io.marquee.localservers.elasticsearch.LocalElasticsearch;

/**
 * The one cluster every test in a JVM shares: the cluster named by {@code ES_URL} where set, otherwise a
 * single local node started on first use and stopped when the JVM exits.
 */
public final class SharedElasticsearch {

    private static volatile ElasticsearchEndpoint endpoint;

    private SharedElasticsearch() {
    }

    public static ElasticsearchEndpoint endpoint() {
        ElasticsearchEndpoint current = endpoint;
        if (current == null) {
            synchronized (SharedElasticsearch.class) {
                current = endpoint;
                if (current == null) {
                    current = ElasticsearchEndpoint.fromEnvironment(System.getenv())
                            .orElseGet(() -> LocalElasticsearch.start(LocalElasticsearch.Options.singleNode()).endpoint());
                    endpoint = current;
                }
            }
        }
        return current;
    }
}
