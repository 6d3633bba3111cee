package io.marquee.testsupport.elasticsearch;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a cluster: its HTTP addresses and, for a secured cluster, basic credentials.
 */
public record ElasticsearchEndpoint(List<URI> uris, String username, String password) {

    public ElasticsearchEndpoint {
        uris = List.copyOf(uris);
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("An endpoint needs at least one address");
        }
    }

    /**
     * The cluster named by {@code ES_URL} (comma-separated addresses) with {@code ES_USERNAME} and
     * {@code ES_PASSWORD}, if set.
     */
    public static Optional<ElasticsearchEndpoint> fromEnvironment(Map<String, String> env) {
        String urls = env.get("ES_URL");
        if (urls == null || urls.isBlank()) {
            return Optional.empty();
        }
        List<URI> uris = Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(URI::create).toList();
        return Optional.of(new ElasticsearchEndpoint(uris, env.get("ES_USERNAME"), env.get("ES_PASSWORD")));
    }

    public URI uri() {
        return uris.get(0);
    }

    /** The addresses as one comma-separated string, as Spring's {@code spring.elasticsearch.uris} takes them. */
    public String urisAsString() {
        return String.join(",", uris.stream().map(URI::toString).toList());
    }

    public boolean hasCredentials() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "ElasticsearchEndpoint" + uris + (hasCredentials() ? " as " + username : "");
    }
}
