package io.marquee.testsupport.elasticsearch;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchEngineTests {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("Docker asked although the setting names the engine");
    };

    @Test
    void autoTakesAContainerWhereDockerAnswersAndTheLauncherElsewhere() {
        assertThat(ElasticsearchEngine.choose(Map.of(), DOCKER)).isEqualTo(ElasticsearchEngine.TESTCONTAINERS);
        assertThat(ElasticsearchEngine.choose(Map.of(ElasticsearchEngine.PROPERTY, "auto"), NO_DOCKER)).isEqualTo(ElasticsearchEngine.LAUNCHER);
    }

    @Test
    void aNamedEngineIsTakenWithoutAskingDocker() {
        assertThat(ElasticsearchEngine.choose(Map.of(ElasticsearchEngine.PROPERTY, "Launcher"), NOT_ASKED)).isEqualTo(ElasticsearchEngine.LAUNCHER);
        assertThat(ElasticsearchEngine.choose(Map.of(ElasticsearchEngine.PROPERTY, "testcontainers"), NOT_ASKED))
                .isEqualTo(ElasticsearchEngine.TESTCONTAINERS);
    }

    @Test
    void anUnknownEngineIsRefused() {
        assertThatThrownBy(() -> ElasticsearchEngine.choose(Map.of(ElasticsearchEngine.PROPERTY, "podman"), NOT_ASKED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto, testcontainers or launcher");
    }
}
