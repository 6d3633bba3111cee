package io.marquee.api.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.schema.MovieJson;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    JsonpMapper jsonpMapper() {
        // Spring Boot's transport picks this up: documents read exactly as the indexer wrote them.
        return MovieJson.jsonpMapper();
    }

    @Bean
    ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport) {
        return new ElasticsearchAsyncClient(transport);
    }
}
