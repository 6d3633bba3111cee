package io.marquee.api.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRingTests {

    private static final String PARTNER = "b".repeat(64);
    private static final String EDITOR = "c".repeat(64);
    private static final AccessProperties.Key CONFIGURED = new AccessProperties.Key("local", "a".repeat(64), Set.of(Scope.ADMIN), 100, 200);

    @TempDir
    Path dir;

    private final LocalValidatorFactoryBean validator = validator();

    @Test
    void readsTheKeysFileAndForgetsARevokedKeyWhenItChanges() throws IOException {
        Path file = write(keys("partner", PARTNER) + keys("editor", EDITOR).replace("keys[0]", "keys[1]"));
        KeyRing ring = ring(file);
        assertThat(ring.byHash(PARTNER)).get().extracting(AccessProperties.Key::clientId).isEqualTo("partner");
        assertThat(ring.byHash(EDITOR)).isPresent();
        assertThat(ring.byHash(CONFIGURED.sha256())).as("configured keys stay").isPresent();

        write(keys("editor", EDITOR));

        assertThat(ring.reload()).isTrue();
        assertThat(ring.byHash(PARTNER)).as("revoked").isEmpty();
        assertThat(ring.byHash(EDITOR)).isPresent();
        assertThat(ring.reload()).as("nothing changed since").isFalse();
    }

    @Test
    void keepsTheKeysItHasWhenTheFileBecomesInvalid() throws IOException {
        Path file = write(keys("partner", PARTNER));
        KeyRing ring = ring(file);

        write(keys("partner", "not-a-hash"));

        assertThat(ring.reload()).isFalse();
        assertThat(ring.byHash(PARTNER)).isPresent();
    }

    @Test
    void aMissingFileMeansNoKeysFromIt() throws IOException {
        Path file = write(keys("partner", PARTNER));
        KeyRing ring = ring(file);

        Files.delete(file);

        assertThat(ring.reload()).isTrue();
        assertThat(ring.byHash(PARTNER)).isEmpty();
        assertThat(ring.size()).isEqualTo(1);
    }

    private KeyRing ring(Path file) {
        AccessProperties properties = new AccessProperties(List.of(CONFIGURED), new AccessProperties.Anonymous(true, 20, 40), file,
                Duration.ofSeconds(10));
        return new KeyRing(properties, validator, new ClientBuckets(properties));
    }

    private static String keys(String client, String sha256) {
        return "marquee.api.access.keys[0].client-id: " + client + "\n"
                + "marquee.api.access.keys[0].sha256: " + sha256 + "\n"
                + "marquee.api.access.keys[0].scopes: [SEARCH]\n";
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("keys.yml"), content);
    }

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }
}
