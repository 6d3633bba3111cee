package io.marquee.records;

import io.marquee.movie.MovieDocument;

/**
 * What became of one record of a file: valid facts to index, a movie to delete, or a rejection with its reason. The position
 * is the 1-based record number in the file, and the line where the record starts.
 */
public sealed interface RecordResult {

    long position();

    /** A record that passed validation; {@code droppedEntries} counts junk cast or genre entries removed from it. */
    record Valid(long position, long line, MovieDocument.Facts facts, int droppedEntries) implements RecordResult {
    }

    /** A record asking for a movie to be removed: {@code {"id": "…", "deleted": true}}, or with title and year. */
    record Delete(long position, long line, String id) implements RecordResult {
    }

    /**
     * A record that failed validation, or a part of the file that could not be parsed: why as a code (with the
     * {@code field} it concerns, if one) and in words; {@code raw} is the record
     * as JSON when it could be read (cut at {@value MovieValidator#MAX_RAW_LENGTH} characters), else null.
     */
    record Rejected(long position, long line, RejectionCode code, String field, String reason, String raw) implements RecordResult {

        /** A rejection of the record or file as a whole, not of one field, without the record. */
        public Rejected(long position, long line, RejectionCode code, String reason) {
            this(position, line, code, null, reason, null);
        }
    }
}
