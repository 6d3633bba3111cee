package io.marquee.testsupport.elasticsearch;

import java.util.Map;

import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import io.marquee.localservers.elasticsearch.LocalElasticsearch;

/**
 * The one cluster every test in a JVM shares: the cluster named by {@code ES_URL} where set, otherwise a single node
 * from the {@link ElasticsearchEngine} the JVM is set to, started on first use and stopped when the JVM exits.
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
                    current = ElasticsearchEndpoint.fromEnvironment(System.getenv()).orElseGet(SharedElasticsearch::start);
                    endpoint = current;
                }
            }
        }
        return current;
    }

    /** The engine this JVM's tests use when {@code ES_URL} names no cluster. */
    public static ElasticsearchEngine engine() {
        return ElasticsearchEngine.choose(Map.of(ElasticsearchEngine.PROPERTY, System.getProperty(ElasticsearchEngine.PROPERTY, "auto")),
                ElasticsearchContainers::dockerAnswers);
    }

    private static ElasticsearchEndpoint start() {
        return switch (engine()) {
            case TESTCONTAINERS -> ElasticsearchContainers.start();
            case LAUNCHER -> LocalElasticsearch.start(LocalElasticsearch.Options.singleNode()).endpoint();
        };
    }
}
