package io.marquee.testsupport.elasticsearch;

import io.marquee.localservers.elasticsearch.ElasticsearchHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedElasticsearchIntegrationTests {

    @Test
    void sharedClusterIsGreenAndReachable() {
        ElasticsearchHttp http = new ElasticsearchHttp(SharedElasticsearch.endpoint());
        assertThat(http.get("/_cluster/health?wait_for_status=yellow&timeout=5s").ok()).isTrue();
        assertThat(http.get("/_nodes/_local?filter_path=nodes.*.version").body()).contains("\"version\":\"8.19.");
    }
}
