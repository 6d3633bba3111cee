package io.marquee.api.suggest;

import io.marquee.api.search.MovieSearchRequest;

/**
 * What was typed into typeahead, folded: the text to complete and, when its last word is a year after other words
 * ({@code psycho 1960}), that year, which narrows titles to the movies of that year.
 */
record Typed(String text, Integer year) {

    static Typed of(String folded) {
        int space = folded.lastIndexOf(' ');
        if (space > 0) {
            String last = folded.substring(space + 1);
            if (last.length() == 4 && last.chars().allMatch(Character::isDigit)) {
                int year = Integer.parseInt(last);
                if (year >= MovieSearchRequest.MIN_YEAR && year <= MovieSearchRequest.MAX_YEAR) {
                    return new Typed(folded.substring(0, space), year);
                }
            }
        }
        return new Typed(folded, null);
    }
}
