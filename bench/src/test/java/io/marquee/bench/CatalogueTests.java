package io.marquee.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CatalogueTests {

    private static final Path SAMPLE = Path.of("../sample/movies-sample.json");

    @TempDir
    Path dir;

    @Test
    void isTheSameForTheSameSeed() throws IOException {
        Catalogue.generate(SAMPLE, 12_000, 7, dir.resolve("a"));
        Catalogue.generate(SAMPLE, 12_000, 7, dir.resolve("b"));
        Catalogue.generate(SAMPLE, 12_000, 8, dir.resolve("c"));

        assertThat(read(dir.resolve("a"))).isEqualTo(read(dir.resolve("b"))).isNotEqualTo(read(dir.resolve("c")));
    }

    @Test
    void keepsTheRealMoviesAndTheirShape() throws IOException {
        Catalogue.generate(SAMPLE, 21_000, 1, dir);
        List<JsonNode> all = read(dir);
        List<JsonNode> real = all.subList(0, 1000);
        List<JsonNode> generated = all.subList(1000, all.size());

        assertThat(all).hasSize(21_000);
        assertThat(Files.list(dir).count()).as("the sample, then files of 5,000").isEqualTo(1 + 4);
        assertThat(mean(generated, movie -> movie.path("cast").size())).isCloseTo(mean(real, movie -> movie.path("cast").size()), within(0.3));
        assertThat(mean(generated, movie -> movie.path("title").asText().split(" ").length))
                .isCloseTo(mean(real, movie -> movie.path("title").asText().split(" ").length), within(0.2));
        assertThat(mean(generated, movie -> movie.path("year").asInt())).isCloseTo(mean(real, movie -> movie.path("year").asInt()), within(2.0));
        assertThat(share(generated, movie -> !movie.hasNonNull("extract"))).isCloseTo(share(real, movie -> !movie.hasNonNull("extract")), within(0.02));
        Set<String> genres = new HashSet<>();
        real.forEach(movie -> movie.path("genres").forEach(genre -> genres.add(genre.asText())));
        generated.forEach(movie -> movie.path("genres").forEach(genre -> assertThat(genres).contains(genre.asText())));
    }

    @Test
    void castsNewNamesAtTheRealRate() throws IOException {
        Catalogue.generate(SAMPLE, 21_000, 1, dir);
        List<JsonNode> all = read(dir);

        assertThat(namesPerAppearance(all)).isCloseTo(namesPerAppearance(all.subList(0, 1000)), within(0.05));
    }

    private static double namesPerAppearance(List<JsonNode> movies) {
        Map<String, Integer> appearances = new HashMap<>();
        movies.forEach(movie -> movie.path("cast").forEach(name -> appearances.merge(name.asText(), 1, Integer::sum)));
        return (double) appearances.size() / appearances.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double mean(List<JsonNode> movies, java.util.function.ToDoubleFunction<JsonNode> measure) {
        return movies.stream().mapToDouble(measure).average().orElseThrow();
    }

    private static double share(List<JsonNode> movies, java.util.function.Predicate<JsonNode> test) {
        return (double) movies.stream().filter(test).count() / movies.size();
    }

    private static List<JsonNode> read(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> movies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            // The real files first, as the catalogue lists them.
            for (Path file : files.sorted(java.util.Comparator.comparing((Path file) -> file.getFileName().toString().startsWith("movies-generated"))
                    .thenComparing(Path::toString)).toList()) {
                try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                    json.readTree(in).forEach(movies::add);
                }
            }
        }
        return movies;
    }
}
