package io.marquee.testsupport.elasticsearch;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What gives the tests of one JVM their Elasticsearch when {@code ES_URL} names none: a Testcontainers container, or
 * the launcher's child process. Chosen by {@code -Dmarquee.es.engine}: {@code testcontainers}, {@code launcher}, or
 * {@code auto} (the default), which takes a container where a Docker engine answers and the launcher elsewhere.
 */
public enum ElasticsearchEngine {

    /** An {@code ElasticsearchContainer} (see {@link ElasticsearchContainers}). */
    TESTCONTAINERS,
    /** The distribution from Maven Central as a child process on loopback. */
    LAUNCHER;

    /** The system property that chooses the engine. */
    public static final String PROPERTY = "marquee.es.engine";

    /** The engine the setting asks for, asking Docker only when the setting leaves the choice to it. */
    static ElasticsearchEngine choose(Map<String, String> properties, BooleanSupplier dockerAnswers) {
        String setting = properties.getOrDefault(PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (setting) {
            case "testcontainers" -> TESTCONTAINERS;
            case "launcher" -> LAUNCHER;
            case "auto", "" -> dockerAnswers.getAsBoolean() ? TESTCONTAINERS : LAUNCHER;
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, testcontainers or launcher, not '" + setting + "'");
        };
    }
}
