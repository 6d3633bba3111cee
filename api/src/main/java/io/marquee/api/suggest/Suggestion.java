package io.marquee.api.suggest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One suggestion: a movie title (with the movie's id and year) or a cast member's name (as first delivered).
 *
 * @param type {@code title} or {@code cast}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(String type, String text, String id, Integer year) {

    static final String TITLE = "title";
    static final String CAST = "cast";

    static Suggestion title(String title, String id, int year) {
        return new Suggestion(TITLE, title, id, year);
    }

    static Suggestion cast(String name) {
        return new Suggestion(CAST, name, null, null);
    }
}
