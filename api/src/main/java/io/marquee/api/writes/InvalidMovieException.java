package io.marquee.api.writes;

/**
 * A submitted movie that fails the same validation the indexer applies to every record.
 */
class InvalidMovieException extends RuntimeException {

    InvalidMovieException(String reason) {
        super(reason, null, false, false);
    }
}
