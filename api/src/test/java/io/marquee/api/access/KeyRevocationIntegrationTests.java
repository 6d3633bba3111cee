package io.marquee.api.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.text.Digests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key revoked in the keys file (the mounted Secret, in production) stops working while the API runs, and a key
 * added there starts working: no restart, no rollout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "marquee.api.access.reload-interval=200ms")
@ElasticsearchTest
class KeyRevocationIntegrationTests {

    private static final String PARTNER_KEY = "partner-key-to-be-revoked";
    private static final String SUCCESSOR_KEY = "successor-key-added-later";
    private static final Path KEYS = hashesFile();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, KeyRevocationIntegrationTests.class);
        registry.add("marquee.api.access.hashes-file", KEYS::toString);
    }

    private final WebTestClient http;

    KeyRevocationIntegrationTests(WebTestClient http) {
        this.http = http;
    }

    @Test
    void aRevokedKeyStopsWorkingAndANewOneStartsWithoutARestart() throws IOException {
        assertThat(status(PARTNER_KEY)).isEqualTo(200);
        assertThat(status(SUCCESSOR_KEY)).isEqualTo(401);

        Files.writeString(KEYS, key(0, "successor", SUCCESSOR_KEY));

        await(() -> status(PARTNER_KEY) == 401 && status(SUCCESSOR_KEY) == 200);
    }

    private int status(String key) {
        return http.get().uri("/actuator").header("X-Api-Key", key).exchange().expectBody().returnResult().getStatus().value();
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the keys file taken up within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(300);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    private static Path hashesFile() {
        try {
            Path file = Files.createTempFile("keys", ".yml");
            Files.writeString(file, key(0, "partner", PARTNER_KEY));
            return file;
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static String key(int index, String client, String key) {
        String prefix = "marquee.api.access.keys[" + index + "].";
        return prefix + "client-id: " + client + "\n" + prefix + "sha256: " + Digests.sha256Hex(key, Digests.SHA256_BYTES) + "\n"
                + prefix + "scopes: [ADMIN]\n";
    }
}
