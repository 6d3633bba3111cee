package io.marquee.api.search;

/**
 * No movie has the requested id.
 */
public class MovieNotFoundException extends RuntimeException {

    public MovieNotFoundException(String id) {
        super("No movie with id '" + id + "'", null, false, false);
    }
}
