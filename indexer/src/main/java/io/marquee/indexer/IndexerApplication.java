package io.marquee.indexer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import io.marquee.indexer.pipeline.QueueConsumer;

/**
 * The indexer: reads movie files, validates every record, and bulk-indexes the valid ones through the
 * write alias. Run as {@code indexer load <file-or-directory>}, or {@code indexer consume} to consume the S3 event queue.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IndexerApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(IndexerApplication.class, args);
        if (!context.getBean(QueueConsumer.class).isRunning()) {
            System.exit(SpringApplication.exit(context));
        }
        // Consuming: the workers keep the JVM alive until SIGTERM, when Spring stops the consumer gracefully.
    }
}
