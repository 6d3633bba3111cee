package io.marquee.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.marquee.records.MovieFileFormat;

/**
 * Movie files on the local file system: one file, or every file under a directory with a {@link MovieFileFormat}'s
 * name, in name order.
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
            public String name() {
                return absolute.getFileName().toString();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(absolute);
            }
        };
    }

    private static boolean isMovieFile(Path file) {
        return MovieFileFormat.of(file.getFileName().toString()).isPresent();
    }
}
