package io.marquee.testsupport.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The full wikipedia-movie-data set ({@code ../shared/data/wikipedia-movie-data}, or where
 * {@code -Dmarquee.dataset.dir} / {@code MARQUEE_DATASET_DIR} point).
 */
public final class SharedDataset {

    public static final int RECORDS = 36_273;

    private SharedDataset() {
    }

    public static Optional<Path> directory() {
        String configured = System.getProperty("marquee.dataset.dir", System.getenv("MARQUEE_DATASET_DIR"));
        Stream<Path> candidates = configured != null ? Stream.of(Path.of(configured))
                : Stream.of(Path.of("../shared/data/wikipedia-movie-data"), Path.of("../../shared/data/wikipedia-movie-data"));
        return candidates.map(Path::toAbsolutePath).map(Path::normalize).filter(SharedDataset::hasFiles).findFirst();
    }

    /** The dataset directory, or skips the calling test with the reason. */
    public static Path require() {
        Optional<Path> dir = directory();
        Assumptions.assumeTrue(dir.isPresent(), "Full dataset not found (set -Dmarquee.dataset.dir or MARQUEE_DATASET_DIR, "
                + "or place it at ../shared/data/wikipedia-movie-data); skipping the full-dataset test");
        return dir.get();
    }

    /** The dataset's gzipped JSON files, in name order. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json.gz")).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean hasFiles(Path dir) {
        return Files.isDirectory(dir) && !files(dir).isEmpty();
    }
}
