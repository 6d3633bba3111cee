package io.marquee.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sample file read directly, as an oracle: tests count what Elasticsearch should find here.
 */
public final class SampleCatalogue {

    private static final List<Movie> MOVIES = read();

    private SampleCatalogue() {
    }

    public static long count(Predicate<Movie> predicate) {
        return MOVIES.stream().filter(predicate).count();
    }

    public static int size() {
        return MOVIES.size();
    }

    private static List<Movie> read() {
        try {
            return new ObjectMapper().readValue(ApiTestSupport.SAMPLE.toFile(), new TypeReference<List<Movie>>() {
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The fields of a sample record the tests count by. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Movie(String title, int year, List<String> cast, List<String> genres) {
    }
}
