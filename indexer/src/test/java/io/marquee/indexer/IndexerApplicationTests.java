package io.marquee.indexer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexerApplicationTests {

    @Test
    void servesHealthAndMetricsOnlyWhenConsuming() {
        assertThat(IndexerApplication.withWebServerWhenConsuming(new String[] {"--spring.profiles.active=x", "consume"}))
                .containsExactly("--spring.profiles.active=x", "consume", "--spring.main.web-application-type=reactive");
        assertThat(IndexerApplication.withWebServerWhenConsuming(new String[] {"load", "consume.json"})).containsExactly("load", "consume.json");
        assertThat(IndexerApplication.withWebServerWhenConsuming(new String[] {"status"})).containsExactly("status");
    }
}
