package io.marquee.indexer.reindex;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.indexer.index.PitScan;
import io.marquee.indexer.IndexerProperties;
import io.marquee.indexer.audit.Ownership;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.PipelineProperties;
import io.marquee.indexer.prominence.CatalogueRanking;
import io.marquee.indexer.pipeline.ProviderProperties;
import io.marquee.indexer.indices.MovieIndexAdmin;

@Configuration(proxyBeanMethods = false)
class ReindexConfiguration {

    @Bean
    Reindexer reindexer(ElasticsearchClient client, MovieIndexAdmin admin, S3Client s3, MovieLoader loader, ProviderProperties providers,
            PipelineProperties pipeline, BulkProperties bulk, ReindexProperties properties, IndexerProperties indexer, CatalogueRanking ranking,
            Clock clock, Ownership ownership) {
        PitScan scan = new PitScan(client, properties.pageSize(), properties.pointInTime());
        return new Reindexer(client, admin, new Leases(client, admin.names(), indexer.instanceId(), clock, properties),
                new IndexStates(client, admin), new IndexCopy(client, bulk, scan), new S3Replay(s3, loader, providers, pipeline, ownership),
                new CatchUp(client, admin.names(), bulk, scan), ranking, new VerificationGate(client, properties), properties, clock);
    }
}
