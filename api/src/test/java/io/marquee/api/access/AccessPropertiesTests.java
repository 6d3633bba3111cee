package io.marquee.api.access;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPropertiesTests {

    @Test
    void bindsWithNoKeysAtAll() {
        AccessProperties properties = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("marquee.api.access", AccessProperties.class);

        assertThat(properties.keys()).isEmpty();
        assertThat(properties.anonymous()).isEqualTo(new AccessProperties.Anonymous(true, 20, 40));
    }

    @Test
    void bindsKeysWithTheirDefaults() {
        AccessProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "marquee.api.access.keys[0].client-id", "web-ui",
                "marquee.api.access.keys[0].sha256", "944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9",
                "marquee.api.access.keys[0].scopes", "search,write",
                "marquee.api.access.anonymous.enabled", "false")))
                .bindOrCreate("marquee.api.access", AccessProperties.class);

        assertThat(properties.keys()).singleElement().satisfies(key -> {
            assertThat(key.clientId()).isEqualTo("web-ui");
            assertThat(key.scopes()).isEqualTo(Set.of(Scope.SEARCH, Scope.WRITE));
            assertThat(key.rate()).isEqualTo(100);
            assertThat(key.burst()).isEqualTo(200);
        });
        assertThat(properties.anonymous().enabled()).isFalse();
    }
}
