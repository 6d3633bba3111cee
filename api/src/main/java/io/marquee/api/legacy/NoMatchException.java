package io.marquee.api.legacy;

import org.springframework.http.HttpStatus;
import io.marquee.api.web.ProblemException;

/**
 * A lookup of the original contract matched no movie; that contract answers 404.
 */
class NoMatchException extends ProblemException {

    NoMatchException(String message) {
        super(HttpStatus.NOT_FOUND, "not-found", "No matching movies", message);
    }
}
