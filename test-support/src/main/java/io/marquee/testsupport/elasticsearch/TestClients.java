package io.marquee.testsupport.elasticsearch;

import io.marquee.localservers.elasticsearch.ElasticsearchEndpoint;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Elasticsearch clients for tests that set up or inspect data directly.
 */
public final class TestClients {

    private TestClients() {
    }

    /** A blocking client; close its transport (via {@code client._transport().close()}) when done. */
    public static ElasticsearchClient blocking(ElasticsearchEndpoint endpoint, JsonpMapper mapper) {
        HttpHost[] hosts = endpoint.uris().stream().map(u -> new HttpHost(u.getHost(), u.getPort(), u.getScheme())).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (endpoint.hasCredentials()) {
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(endpoint.username(), endpoint.password()));
        }
        builder.setHttpClientConfigCallback(http -> {
            endpoint.sslContext().ifPresent(http::setSSLContext);
            return http.setDefaultCredentialsProvider(credentials);
        });
        return new ElasticsearchClient(new RestClientTransport(builder.build(), mapper));
    }
}
