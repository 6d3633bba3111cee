package io.marquee.indexer.ingest;

import io.marquee.schema.MovieDocument;

/**
 * What became of one record of a file: valid facts to index, or a rejection with its reason. The position
 * is the 1-based record number in the file, and the line where the record starts.
 */
public sealed interface RecordResult {

    long position();

    /** A record that passed validation; {@code droppedEntries} counts junk cast or genre entries removed from it. */
    record Valid(long position, long line, MovieDocument.Facts facts, int droppedEntries) implements RecordResult {
    }

    /** A record that failed validation, or a part of the file that could not be parsed. */
    record Rejected(long position, long line, String reason) implements RecordResult {
    }
}
