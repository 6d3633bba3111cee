package io.marquee.api.suggest;

import java.util.List;

/** The suggestions for what was typed, best first. */
public record Suggestions(String q, List<Suggestion> suggestions) {

    public Suggestions {
        suggestions = List.copyOf(suggestions);
    }
}
