package io.marquee.indexer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The indexer: reads movie files, validates every record, and bulk-indexes the valid ones through the
 * write alias. Run as {@code indexer load <file-or-directory>}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IndexerApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(IndexerApplication.class, args)));
    }
}
