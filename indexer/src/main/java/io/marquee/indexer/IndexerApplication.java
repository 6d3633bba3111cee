package io.marquee.indexer;

import java.util.Arrays;

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

    static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(IndexerApplication.class, withWebServerWhenConsuming(args));
        if (!context.getBean(QueueConsumer.class).isRunning()) {
            System.exit(SpringApplication.exit(context));
        }
        // Consuming: the workers keep the JVM alive until SIGTERM, when Spring stops the consumer gracefully.
    }

    /**
     * A consuming indexer is a long-running workload: it serves its health (for the probes) and metrics (for the
     * scraper) on {@code server.port}, with the Reactor Netty setting its server needs. The one-off commands run side by
     * side as short processes, so they open no port.
     */
    static String[] withWebServerWhenConsuming(String[] args) {
        boolean consuming = Arrays.stream(args).filter(arg -> !arg.startsWith("--")).findFirst().filter("consume"::equals).isPresent();
        if (!consuming) {
            return args;
        }
        // The same Reactor Netty keep-alive workaround as the API's (reactor/reactor-netty#4361; see ApiApplication):
        // without it a scraper's second request on a kept-alive connection can hang. Read once, before the server starts.
        if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
            System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        }
        String[] withServer = Arrays.copyOf(args, args.length + 1);
        withServer[args.length] = "--spring.main.web-application-type=reactive";
        return withServer;
    }
}
