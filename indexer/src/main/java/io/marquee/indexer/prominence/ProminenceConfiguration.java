package io.marquee.indexer.prominence;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.PitScan;
import io.marquee.indexer.indices.MovieIndexAdmin;

@Configuration(proxyBeanMethods = false)
class ProminenceConfiguration {

    @Bean
    CatalogueRanking catalogueRanking(ElasticsearchClient client, BulkProperties bulk, ProminenceProperties properties, Clock clock) {
        return new CatalogueRanking(client, bulk, new PitScan(client, properties.pageSize(), properties.pointInTime()), clock);
    }

    @Bean
    RankingSchedule rankingSchedule(CatalogueRanking ranking, ElasticsearchClient client, MovieIndexAdmin admin,
            ProminenceProperties properties) {
        return new RankingSchedule(ranking, client, admin, properties);
    }
}
