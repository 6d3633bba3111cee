package io.marquee.api.search;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What matched in one movie, marked with {@code <mark>…</mark>} in HTML-escaped text: the title, the cast members
 * that matched, and a fragment of the extract. Absent parts did not match.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Highlight(String title, List<String> cast, String extract) {

    public Highlight {
        cast = cast == null ? List.of() : List.copyOf(cast);
    }
}
