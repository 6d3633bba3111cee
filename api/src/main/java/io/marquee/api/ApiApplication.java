package io.marquee.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The search API: reactive, reading through the {@code movies} alias with the async Elasticsearch client.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiApplication {

    /** Reactor Netty reads it once, when its HTTP server classes load: it must be set before anything starts. */
    static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the API as {@code main} does, with the process-wide settings it needs. */
    public static ConfigurableApplicationContext start(String... args) {
        return start(context -> { }, args);
    }

    /** Starts the API as {@code main} does, letting the caller add to the context before it refreshes. */
    public static ConfigurableApplicationContext start(ApplicationContextInitializer<ConfigurableApplicationContext> initializer, String... args) {
        // Reactor Netty 1.2.18 can stop reading a keep-alive connection when a request arrives before the previous
        // response's operations have terminated (reactor/reactor-netty#4361): the client's next request then hangs.
        // A response answered at once from the cache makes that common. This setting closes that route until a release
        // carries the fix; ZeroDowntimeReindexIntegrationTests (keep-alive clients, cached answers) caught it.
        if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
            System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        }
        SpringApplication application = new SpringApplication(ApiApplication.class);
        application.addInitializers(initializer);
        return application.run(args);
    }
}
