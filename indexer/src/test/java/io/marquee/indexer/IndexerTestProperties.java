package io.marquee.indexer;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.marquee.testsupport.elasticsearch.SharedElasticsearch;
import io.marquee.testsupport.elasticsearch.TestIndices;

/**
 * Points a Spring test context at the shared Elasticsearch, under the test class's own index prefix.
 */
public final class IndexerTestProperties {

    private IndexerTestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        registry.add("spring.elasticsearch.uris", () -> SharedElasticsearch.endpoint().urisAsString());
        registry.add("spring.elasticsearch.username", () -> nullToEmpty(SharedElasticsearch.endpoint().username()));
        registry.add("spring.elasticsearch.password", () -> nullToEmpty(SharedElasticsearch.endpoint().password()));
        registry.add("marquee.indexer.index-prefix", () -> TestIndices.prefixFor(testClass));
        registry.add("marquee.indexer.cli.enabled", () -> "false");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
