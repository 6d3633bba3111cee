package io.marquee.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import io.marquee.movie.MovieSource;

/**
 * One delivery of movie records, wherever it lives. The reader only needs a name for reports and a fresh
 * stream of its bytes (gzipped or not).
 */
public interface MovieFile {

    /** Where the file lives, e.g. {@code file:/data/movies.json} or {@code s3://bucket/key}. */
    String uri();

    /** The file's name or key, which tells its format ({@link io.marquee.records.MovieFileFormat}). */
    String name();

    InputStream open() throws IOException;

    /** Where a record at {@code position} came from, as stored on its document. */
    default MovieSource sourceAt(long position) {
        return MovieSource.file(uri(), position);
    }

    /**
     * The external version of every record in this file, so that an older delivery never overwrites a newer
     * one; null where deliveries have no order (local files: the last load wins).
     */
    default Long version() {
        return null;
    }

    /**
     * When the file was delivered, recorded as the {@code ingestedAt} of its movies so that re-applying a delivery
     * writes exactly the same documents; null where there is no delivery time (local files: the time of loading).
     */
    default Instant deliveredAt() {
        return null;
    }

    /** Whether a failure to read this file may go away on its own (a network error), rather than being in the file. */
    default boolean isTransient(Exception failure) {
        return false;
    }
}
