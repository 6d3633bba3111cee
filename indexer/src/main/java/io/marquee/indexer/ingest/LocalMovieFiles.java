package io.marquee.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Movie files on the local file system: one file, or every {@code .json}, {@code .ndjson}, {@code .jsonl}, {@code .zip}
 * file (optionally {@code .gz}) under a directory, in name order.
 */
public final class LocalMovieFiles {

    private LocalMovieFiles() {
    }

    public static List<MovieFile> at(Path path) {
        if (!Files.exists(path)) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("No such file or directory: " + path));
        }
        if (Files.isRegularFile(path)) {
            return List.of(of(path));
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).filter(LocalMovieFiles::isMovieFile).sorted().map(LocalMovieFiles::of).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static MovieFile of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return new MovieFile() {
            @Override
            public String uri() {
                return absolute.toUri().toString();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(absolute);
            }
        };
    }

    private static boolean isMovieFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.gz$", "");
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".zip");
    }
}
