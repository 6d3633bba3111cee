package io.marquee.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Genre normalisation: the dataset spells some genres several ways ({@code Sport} and {@code Sports},
 * {@code Sci-Fi} and {@code Science Fiction}). Every spelling maps to one canonical name at index time
 * and at query time. A genre not in the list is kept as given (whitespace tidied), so it stays searchable.
 * The list is documented in {@code docs/genres.md}.
 */
public final class Genres {

    private static final Map<String, String> CANONICAL = build(Map.ofEntries(
            Map.entry("Science Fiction", List.of("sci-fi", "scifi", "sci fi", "science-fiction", "sf")),
            Map.entry("Sports", List.of("sport")),
            Map.entry("Musical", List.of("musicals")),
            Map.entry("Documentary", List.of("documentaries", "docu")),
            Map.entry("Superhero", List.of("superheroes", "super hero", "super-hero")),
            Map.entry("Romance", List.of("romantic")),
            Map.entry("Horror", List.of("horror film")),
            Map.entry("Animated", List.of("animation", "cartoon")),
            Map.entry("Crime", List.of("crime film")),
            Map.entry("War", List.of("war film")),
            Map.entry("Western", List.of("westerns")),
            Map.entry("Thriller", List.of("thrillers")),
            Map.entry("Comedy", List.of("comedies")),
            Map.entry("Drama", List.of("dramas")),
            Map.entry("Family", List.of("family film")),
            Map.entry("Fantasy", List.of()),
            Map.entry("Action", List.of()),
            Map.entry("Adventure", List.of()),
            Map.entry("Mystery", List.of()),
            Map.entry("Noir", List.of("film noir")),
            Map.entry("Silent", List.of()),
            Map.entry("Short", List.of("short film")),
            Map.entry("Historical", List.of("history")),
            Map.entry("Biography", List.of("biographical", "biopic")),
            Map.entry("Disaster", List.of()),
            Map.entry("Teen", List.of()),
            Map.entry("Spy", List.of()),
            Map.entry("Suspense", List.of()),
            Map.entry("Supernatural", List.of()),
            Map.entry("Political", List.of()),
            Map.entry("Satire", List.of()),
            Map.entry("Slasher", List.of()),
            Map.entry("Legal", List.of()),
            Map.entry("Martial Arts", List.of("martial-arts")),
            Map.entry("Erotic", List.of()),
            Map.entry("Dance", List.of()),
            Map.entry("Live Action", List.of("live-action")),
            Map.entry("Psychological", List.of()),
            Map.entry("Independent", List.of("indie")),
            Map.entry("Performance", List.of()),
            Map.entry("Found Footage", List.of("found-footage"))));

    private Genres() {
    }

    /** The canonical name of a genre, or the genre as given (trimmed, single-spaced) when it is unknown. */
    public static String canonical(String genre) {
        if (genre == null) {
            return "";
        }
        String tidy = genre.strip().replaceAll("\\s+", " ");
        return CANONICAL.getOrDefault(key(tidy), tidy);
    }

    /** The synonym table, canonical name first, for documentation and tests. */
    public static Map<String, String> synonyms() {
        return CANONICAL;
    }

    private static Map<String, String> build(Map<String, List<String>> table) {
        Map<String, String> byKey = new HashMap<>();
        table.forEach((canonical, spellings) -> {
            byKey.put(key(canonical), canonical);
            spellings.forEach(spelling -> byKey.put(key(spelling), canonical));
        });
        return Map.copyOf(byKey);
    }

    private static String key(String genre) {
        return TextFolding.fold(genre).replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
