package io.marquee.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DocumentedRequestsTests {

    @TempDir
    Path dir;

    @Test
    void readsTheCurlsOfShellBlocksWithTheirHeadersAndStatuses() throws IOException {
        Path doc = Files.writeString(dir.resolve("doc.md"), """
                Some text with `curl 'http://localhost:8080/not-a-command'` in it.

                ```sh
                . .local/stack.env
                curl -s 'http://localhost:8080/v1/movies?q=alien'        # typo-tolerant
                curl -s -i -H "X-Api-Key: $MARQUEE_ADMIN_KEY" \\
                  'http://localhost:8080/v1/movies/x/history'             # → 404
                make load DATA=x
                ```

                ```json
                curl 'http://localhost:8080/in-an-output-block'
                ```
                """);

        DocumentedRequests documented = DocumentedRequests.read(doc, Map.of("MARQUEE_ADMIN_KEY", "k-123"));

        assertThat(documented.requests()).hasSize(2);
        DocumentedRequests.Request search = documented.requests().get(0);
        assertThat(search.uri()).isEqualTo(URI.create("http://localhost:8080/v1/movies?q=alien"));
        assertThat(search.status()).isNull();
        assertThat(search.answeredAsDocumented(204)).isTrue();
        assertThat(search.answeredAsDocumented(404)).isFalse();
        DocumentedRequests.Request history = documented.requests().get(1);
        assertThat(history.method()).isEqualTo("GET");
        assertThat(history.headers()).containsExactly(Map.entry("X-Api-Key", "k-123"));
        assertThat(history.uri().getPath()).isEqualTo("/v1/movies/x/history");
        assertThat(history.status()).isEqualTo(404);
        assertThat(history.answeredAsDocumented(404)).isTrue();
        assertThat(history.answeredAsDocumented(200)).isFalse();
    }

    @Test
    void refusesAnOptionItCannotSend() throws IOException {
        Path doc = Files.writeString(dir.resolve("doc.md"), """
                ```sh
                curl -s --data-binary @file.json 'http://localhost:8080/v1/movies'
                ```
                """);

        assertThatIllegalArgumentException().isThrownBy(() -> DocumentedRequests.read(doc, Map.of())).withMessageContaining("--data-binary");
    }
}
