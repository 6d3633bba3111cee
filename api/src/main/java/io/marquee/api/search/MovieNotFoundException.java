package io.marquee.api.search;

import org.springframework.http.HttpStatus;
import io.marquee.api.web.ProblemException;

/**
 * No movie has the requested id.
 */
public class MovieNotFoundException extends ProblemException {

    public MovieNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "not-found", "Movie not found", "No movie with id '" + id + "'");
    }
}
