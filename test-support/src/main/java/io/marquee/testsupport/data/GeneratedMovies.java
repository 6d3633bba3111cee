package io.marquee.testsupport.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A catalogue of made-up movies in the wikipedia-movie-data format, for tests that need the full dataset's size
 * where the dataset itself is absent. The same seed writes the same file; every movie has its own href, so every
 * record is a distinct movie.
 */
public final class GeneratedMovies {

    private static final List<String> ADJECTIVES = List.of("Silent", "Crimson", "Last", "Hidden", "Broken", "Golden", "Midnight", "Lost",
            "Distant", "Burning", "Frozen", "Wild", "Quiet", "Electric", "Velvet", "Iron", "Paper", "Secret", "Bright", "Final");
    private static final List<String> NOUNS = List.of("River", "Empire", "Harbor", "Garden", "Witness", "Frontier", "Mirror", "Station",
            "Kingdom", "Promise", "Horizon", "Letter", "Storm", "Orchard", "Circus", "Voyage", "Signal", "Bridge", "Lantern", "Summer");
    private static final List<String> FIRST = List.of("Anna", "Ben", "Clara", "David", "Elena", "Frank", "Greta", "Hugo", "Irene", "José",
            "Katja", "Liam", "Marta", "Nils", "Olga", "Pedro", "Renée", "Sami", "Tomás", "Ursula", "Zoë");
    private static final List<String> LAST = List.of("Almeida", "Brandt", "Costa", "Dupont", "Eriksen", "Fischer", "García", "Hansen",
            "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Quinn", "Rossi", "Šimek", "Weber");
    private static final List<String> GENRES = List.of("Drama", "Comedy", "Thriller", "Romance", "Science Fiction", "Horror", "Western",
            "Documentary", "Animated", "Crime", "Musical", "War", "Family", "Fantasy", "Sports");

    private GeneratedMovies() {
    }

    /** Writes {@code count} movies as one JSON array and returns the file. */
    public static Path write(Path file, int count, long seed) {
        Random random = new Random(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int n = 0; n < count; n++) {
                out.write(movie(n, random));
                out.write(n + 1 < count ? ",\n" : "\n");
            }
            out.write("]\n");
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String movie(int n, Random random) {
        String title = "The " + pick(ADJECTIVES, random) + " " + pick(NOUNS, random) + (n % 7 == 0 ? "" : " " + (n % 97 + 1));
        int year = 1900 + random.nextInt(125);
        StringBuilder cast = new StringBuilder();
        int people = 1 + random.nextInt(4);
        for (int i = 0; i < people; i++) {
            cast.append(i == 0 ? "" : ", ").append('"').append(pick(FIRST, random)).append(' ').append(pick(LAST, random)).append('"');
        }
        return "{\"title\": \"" + title + "\", \"year\": " + year + ", \"cast\": [" + cast + "], \"genres\": [\"" + pick(GENRES, random)
                + "\"], \"href\": \"Generated_" + n + "\", \"extract\": \"" + title + " is a made-up film of " + year + ".\"}";
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
