package io.marquee.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A generated catalogue of any size with the real set's shape, seeded and reproducible: the real movies first, then
 * movies drawn from what the real set shows. Each draw copies one real movie's measure, so every distribution is the
 * real one: title length in words, with first words and later words drawn from the real titles' (word frequencies);
 * the year; the genre list whole (co-occurrence kept); the cast list's length, and each member either someone already
 * cast, chosen by appearances (the few who appear in hundreds of films keep doing so) or, at the real set's rate of
 * new names per appearance, a new name (a real first name and a real last name); the extract's length in words (or
 * none, at the real rate), in words from the real extracts; href and thumbnail present at the real rates.
 */
final class Catalogue {

    /** Movies a generated file holds: files of a few megabytes, as providers deliver them. */
    static final int PER_FILE = 5_000;

    private final List<Integer> titleLengths = new ArrayList<>();
    private final List<String> firstWords = new ArrayList<>();
    private final List<String> laterWords = new ArrayList<>();
    private final List<Integer> years = new ArrayList<>();
    private final List<JsonNode> genreLists = new ArrayList<>();
    private final List<Integer> castSizes = new ArrayList<>();
    private final List<String> appearances = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private final List<String> firstNames = new ArrayList<>();
    private final List<String> lastNames = new ArrayList<>();
    private final List<Integer> extractLengths = new ArrayList<>();
    private final List<String> extractWords = new ArrayList<>();
    private final List<JsonNode> thumbnails = new ArrayList<>();
    private final double newNameRate;
    private final double hrefRate;
    private final double thumbnailRate;
    private final int realCount;

    private Catalogue(List<JsonNode> real) {
        int hrefs = 0;
        for (JsonNode movie : real) {
            String[] title = movie.path("title").asText().trim().split("\\s+");
            titleLengths.add(title.length);
            firstWords.add(title[0]);
            laterWords.addAll(List.of(title).subList(1, title.length));
            years.add(movie.path("year").asInt());
            genreLists.add(movie.path("genres"));
            castSizes.add(movie.path("cast").size());
            for (JsonNode member : movie.path("cast")) {
                String name = member.asText();
                appearances.add(name);
                known.add(name);
                String[] parts = name.trim().split("\\s+");
                if (parts.length >= 2) {
                    firstNames.add(parts[0]);
                    lastNames.add(parts[parts.length - 1]);
                }
            }
            String extract = movie.path("extract").asText("");
            String[] words = extract.isBlank() ? new String[0] : extract.trim().split("\\s+");
            extractLengths.add(extract.isBlank() ? -1 : words.length);
            // Every fourth word is plenty of vocabulary, and keeps the model a few tens of megabytes.
            for (int i = 0; i < words.length; i += 4) {
                extractWords.add(words[i]);
            }
            if (movie.hasNonNull("thumbnail")) {
                thumbnails.add(movie);
            }
            if (movie.hasNonNull("href")) {
                hrefs++;
            }
        }
        this.newNameRate = (double) known.size() / appearances.size();
        this.hrefRate = (double) hrefs / real.size();
        this.thumbnailRate = (double) thumbnails.size() / real.size();
        this.realCount = real.size();
    }

    /**
     * Writes a catalogue of {@code size} movies to {@code out}: the real files as they are, then generated files
     * ({@value #PER_FILE} movies each, gzipped JSON arrays like the real ones).
     */
    static void generate(Path source, int size, long seed, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> files = realFiles(source);
        List<JsonNode> real = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
                json.readTree(in).forEach(real::add);
            }
        }
        Files.createDirectories(out);
        for (Path file : files) {
            Files.copy(file, out.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Catalogue model = new Catalogue(real);
        SplittableRandom random = new SplittableRandom(seed);
        int generated = Math.max(0, size - model.realCount);
        for (int file = 0; file * PER_FILE < generated; file++) {
            int count = Math.min(PER_FILE, generated - file * PER_FILE);
            Path target = out.resolve(String.format("movies-generated-%05d.json.gz", file + 1));
            try (OutputStream stream = new GZIPOutputStream(Files.newOutputStream(target));
                    JsonGenerator writer = json.getFactory().createGenerator(stream)) {
                writer.writeStartArray();
                for (int i = 0; i < count; i++) {
                    json.writeValue(writer, model.movie(random));
                }
                writer.writeEndArray();
            }
        }
        System.out.printf("%d movies in %s: %d real, %d generated (seed %d)%n", model.realCount + generated, out, model.realCount, generated, seed);
    }

    private static List<Path> realFiles(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        try (Stream<Path> files = Files.list(source)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.json(\\.gz)?")).sorted().toList();
        }
    }

    /** One generated movie. */
    Map<String, Object> movie(SplittableRandom random) {
        StringBuilder title = new StringBuilder(pick(firstWords, random));
        int length = pick(titleLengths, random);
        for (int i = 1; i < length; i++) {
            title.append(' ').append(pick(laterWords, random));
        }
        int year = pick(years, random);
        Map<String, Object> movie = new LinkedHashMap<>();
        movie.put("title", title.toString());
        movie.put("year", year);
        movie.put("cast", cast(random));
        movie.put("genres", pick(genreLists, random));
        if (random.nextDouble() < hrefRate) {
            movie.put("href", title.toString().replace(' ', '_') + "_(" + year + "_film)");
        }
        int words = pick(extractLengths, random);
        if (words >= 0) {
            StringBuilder extract = new StringBuilder(title).append(" is a ").append(year).append(" American film");
            for (int i = 6; i < words; i++) {
                extract.append(' ').append(pick(extractWords, random));
            }
            movie.put("extract", extract.append('.').toString());
        }
        if (random.nextDouble() < thumbnailRate) {
            JsonNode poster = pick(thumbnails, random);
            movie.put("thumbnail", poster.path("thumbnail").asText());
            movie.put("thumbnail_width", poster.path("thumbnail_width").asInt());
            movie.put("thumbnail_height", poster.path("thumbnail_height").asInt());
        }
        return movie;
    }

    private List<String> cast(SplittableRandom random) {
        int size = pick(castSizes, random);
        Set<String> cast = new java.util.LinkedHashSet<>();
        for (int attempts = 0; cast.size() < size && attempts < size * 3; attempts++) {
            String name = random.nextDouble() < newNameRate ? newName(random) : pick(appearances, random);
            if (cast.add(name)) {
                known.add(name);
                // Every appearance makes the next more likely (preferential attachment): the real set's long tail.
                appearances.add(name);
            }
        }
        return List.copyOf(cast);
    }

    /** A name no one in the catalogue has yet, where a few tries find one: a real first name and a real last name. */
    private String newName(SplittableRandom random) {
        String name = pick(firstNames, random) + " " + pick(lastNames, random);
        for (int tries = 0; known.contains(name) && tries < 5; tries++) {
            name = pick(firstNames, random) + " " + pick(lastNames, random);
        }
        return name;
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
