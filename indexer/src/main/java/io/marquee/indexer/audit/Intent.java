package io.marquee.indexer.audit;

import io.marquee.indexer.index.BulkMovieWriter;
import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieSource;

/**
 * A write someone wants: a document to index, or (without a document) a movie to delete, with the version it
 * carries and where it came from. {@link ChangeTracker} decides which intents become writes and audit entries.
 */
public record Intent(String id, MovieDocument document, Long version, String provider, MovieSource source, String uri,
        long position) {

    /** Hands this write to a writer: the document to index, or the delete. */
    public void writeTo(BulkMovieWriter writer) {
        if (document == null) {
            writer.delete(id, version, uri, position);
        }
        else {
            writer.add(document, version, uri, position);
        }
    }

    Intent withDocument(MovieDocument replacement) {
        return new Intent(id, replacement, version, provider, source, uri, position);
    }
}
