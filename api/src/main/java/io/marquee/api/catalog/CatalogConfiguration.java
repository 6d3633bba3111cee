package io.marquee.api.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;

import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.movie.MovieJson;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    JsonpMapper jsonpMapper() {
        // Spring Boot's transport picks this up: documents read exactly as the indexer wrote them.
        return MovieJson.jsonpMapper();
    }

    @Bean
    RestClientBuilderCustomizer connectionPool(CatalogProperties properties) {
        return new RestClientBuilderCustomizer() {
            @Override
            public void customize(RestClientBuilder builder) {
                // Nothing to change on the builder itself.
            }

            @Override
            public void customize(HttpAsyncClientBuilder client) {
                // The client's default of 10 connections per node queues requests (alias lookups among them) behind one
                // slow search as soon as a few hundred requests per second arrive.
                client.setMaxConnPerRoute(properties.maxConnections()).setMaxConnTotal(properties.maxConnections() * 3);
            }
        };
    }

    @Bean
    ElasticsearchGuard elasticsearchGuard(ResilienceProperties properties, MeterRegistry meters) {
        return new ElasticsearchGuard(properties, meters);
    }

    @Bean
    ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport) {
        return new ElasticsearchAsyncClient(transport);
    }
}
