package io.marquee.testsupport.elasticsearch;

import java.util.Locale;

import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import io.marquee.localservers.elasticsearch.ElasticsearchHttp;

/**
 * What one test class may use of the shared cluster: its endpoint, and a name prefix that keeps the class's
 * indices, aliases and templates apart from every other class's.
 */
public record TestIndices(ElasticsearchEndpoint endpoint, String prefix) {

    public TestIndices {
        // An empty prefix is production's: deleting "everything with the prefix" would then delete everything.
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("A test's index prefix must not be empty");
        }
    }

    /** The indices of the deployment with this prefix on the shared cluster. */
    public static TestIndices onSharedCluster(String prefix) {
        return new TestIndices(SharedElasticsearch.endpoint(), prefix);
    }

    /** The prefix of a test class: its simple name, lower-cased, so a leftover index says who left it. */
    public static String prefixFor(Class<?> testClass) {
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        return "t-" + name + "-";
    }

    /** Deletes every index, alias and template whose name starts with the prefix. */
    public void deleteAll() {
        ElasticsearchHttp http = new ElasticsearchHttp(endpoint);
        ElasticsearchHttp.Response indices = http.get("/_cat/indices/" + prefix + "*?h=index&expand_wildcards=all");
        if (indices.ok()) {
            for (String index : indices.body().split("\\s+")) {
                if (!index.isBlank()) {
                    http.delete("/" + index);
                }
            }
        }
        http.delete("/_index_template/" + prefix + "*");
        http.delete("/_component_template/" + prefix + "*");
    }
}
