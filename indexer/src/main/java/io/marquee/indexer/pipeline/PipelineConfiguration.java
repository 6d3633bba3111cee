package io.marquee.indexer.pipeline;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.indexer.audit.ChangeTracker;
import io.marquee.indexer.ingest.IngestLimits;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.movie.MovieJson;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    QueueConsumer queueConsumer(SqsClient sqs, S3Client s3, MovieLoader loader, ChangeTracker changes, ProviderProperties providers,
            PipelineProperties properties, IngestLimits limits, MeterRegistry registry, Clock clock) {
        IngestMetrics metrics = new IngestMetrics(registry, clock);
        ObjectIngest ingest = new ObjectIngest(s3, loader, changes, providers, MovieJson.objectMapper(), metrics, limits);
        QueueConsumer consumer = new QueueConsumer(sqs, new S3EventMessages(MovieJson.objectMapper()), ingest, MovieJson.objectMapper(),
                properties, metrics, clock);
        metrics.workers(consumer::workersRunning, properties.concurrency());
        return consumer;
    }

    @Bean
    ConsumerWorkersHealthIndicator consumerWorkersHealthIndicator(QueueConsumer consumer) {
        return new ConsumerWorkersHealthIndicator(consumer);
    }

    @Bean
    DeadLetters deadLetters(SqsClient sqs, PipelineProperties properties) {
        return new DeadLetters(sqs, properties);
    }
}
