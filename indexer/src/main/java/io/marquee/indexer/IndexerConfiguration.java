package io.marquee.indexer;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.indexer.audit.AuditRollover;
import io.marquee.indexer.audit.ChangeTracker;
import io.marquee.indexer.audit.Ownership;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.ingest.IngestLimits;
import io.marquee.indexer.ingest.MovieFileReader;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.ProviderProperties;
import io.marquee.schema.IndexNames;
import io.marquee.schema.SchemaInstaller;
import io.marquee.schema.SchemaTemplates;
import io.marquee.indexer.indices.ClusterHealthGauge;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.movie.MovieJson;

@Configuration(proxyBeanMethods = false)
class IndexerConfiguration {

    @Bean
    JsonpMapper jsonpMapper() {
        // Spring Boot's client auto-configuration picks this up, so documents serialise as the API reads them.
        return MovieJson.jsonpMapper();
    }

    @Bean
    IndexNames indexNames(IndexerProperties properties) {
        return new IndexNames(properties.indexPrefix());
    }

    @Bean
    SchemaTemplates schemaTemplates(IndexNames names) {
        return new SchemaTemplates(names);
    }

    @Bean
    SchemaInstaller schemaInstaller(ElasticsearchClient client, SchemaTemplates templates) {
        return new SchemaInstaller(client, templates);
    }

    @Bean
    MovieIndexAdmin movieIndexAdmin(ElasticsearchClient client, SchemaInstaller schema) {
        return new MovieIndexAdmin(client, schema);
    }

    @Bean
    ClusterHealthGauge clusterHealthGauge(ElasticsearchClient client, MeterRegistry registry) {
        return new ClusterHealthGauge(client, registry, 15);
    }

    @Bean
    AuditRollover auditRollover(MovieIndexAdmin admin, AuditRollover.Properties properties) {
        return new AuditRollover(admin, properties);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Ownership ownership(ProviderProperties providers) {
        return new Ownership(providers.trusted());
    }

    @Bean
    ChangeTracker changeTracker(ElasticsearchClient client, MovieIndexAdmin admin, Clock clock, IndexerProperties properties,
            Ownership ownership) {
        return new ChangeTracker(client, admin.names(), properties.instanceId(), clock, ownership);
    }

    @Bean
    MovieFileReader movieFileReader(IngestLimits limits) {
        return MovieFileReader.of(MovieJson.objectMapper(), limits);
    }

    @Bean
    MovieLoader movieLoader(ElasticsearchClient client, MovieIndexAdmin admin, MovieFileReader reader, BulkProperties bulk, Clock clock,
            ChangeTracker changes) {
        return new MovieLoader(client, admin, reader, bulk, clock, changes);
    }
}
