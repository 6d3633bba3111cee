package io.marquee.api.catalog;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request Elasticsearch refuses as asked (a 4xx) is the client's to change: a named exception the web layer answers
 * 400, one warning line in the log without a stack trace, and no count against the circuit.
 */
@SpringBootTest
@ElasticsearchTest
class CatalogRefusalIntegrationTests {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, CatalogRefusalIntegrationTests.class);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(CatalogRefusalIntegrationTests.class);
    }

    private final MovieCatalog catalog;

    CatalogRefusalIntegrationTests(MovieCatalog catalog) {
        this.catalog = catalog;
    }

    @Test
    void aRefusedSearchIsAClientErrorLoggedInOneLine() {
        Logger logger = (Logger) LoggerFactory.getLogger(MovieCatalog.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            for (int i = 0; i < 25; i++) {
                // Past the index's result window: Elasticsearch answers 400.
                StepVerifier.create(catalog.search("refused-" + i, search -> search.from(20_000).size(10)))
                        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CatalogRefusedException.class)
                                .hasMessageContaining("with 400"))
                        .verify();
            }
        }
        finally {
            logger.detachAppender(events);
        }

        // Other cached test contexts refresh their index generation in the background on the same logger; their lines
        // are not this test's.
        List<ILoggingEvent> refusals = events.list.stream().filter(event -> !event.getFormattedMessage().contains("during alias lookup")).toList();
        assertThat(refusals).hasSize(25).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
        });
        assertThat(catalog.circuitClosed()).as("a refusal is no failure of Elasticsearch").isTrue();
    }
}
