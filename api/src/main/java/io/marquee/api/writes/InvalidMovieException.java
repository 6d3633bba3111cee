package io.marquee.api.writes;

import org.springframework.http.HttpStatus;
import io.marquee.api.web.ProblemException;

/**
 * A submitted movie that fails the same validation the indexer applies to every record.
 */
class InvalidMovieException extends ProblemException {

    InvalidMovieException(String reason) {
        super(HttpStatus.BAD_REQUEST, "invalid-movie", "Invalid movie", reason);
    }
}
