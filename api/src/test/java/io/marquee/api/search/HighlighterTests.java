package io.marquee.api.search;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

import io.marquee.api.catalog.MovieView;

import static org.assertj.core.api.Assertions.assertThat;

class HighlighterTests {

    private static final MovieView LEON = new MovieView("leon", "Léon: The Professional", 1994, List.of("Jean Reno", "Gary Oldman",
            "Natalie Portman"), List.of("Crime"), "Léon is a 1994 thriller <directed> by Luc Besson, with Jean Reno as a hitman.", null,
            null, null, null, null);

    @Test
    void marksMatchingWordsAsDeliveredWithAccents() {
        Highlight highlight = highlighter("q", "leon the professional").highlight(LEON).orElseThrow();

        assertThat(highlight.title()).isEqualTo("<mark>Léon</mark>: <mark>The</mark> <mark>Professional</mark>");
        assertThat(highlight.cast()).isEmpty();
        assertThat(highlight.extract()).startsWith("<mark>Léon</mark> is a 1994 thriller &lt;directed&gt;");
    }

    @Test
    void marksCastMembersTyposAndTheLastWordAsTyped() {
        Highlight highlight = highlighter("cast", "natalie portmna").highlight(LEON).orElseThrow();
        assertThat(highlight.cast()).containsExactly("<mark>Natalie</mark> <mark>Portman</mark>");

        assertThat(highlighter("q", "gary old").highlight(LEON).orElseThrow().cast()).containsExactly("<mark>Gary</mark> <mark>Oldman</mark>");
    }

    @Test
    void marksNothingWithoutAMatchOrWithoutText() {
        assertThat(highlighter("q", "zardoz").highlight(LEON)).isEmpty();
        assertThat(highlighter("year", "1994").highlight(LEON)).isEmpty();
    }

    @Test
    void marksEveryWordTypedAsAStartAndEveryTypo() {
        Highlight highlight = highlighter("q", "leo profesional").highlight(LEON).orElseThrow();
        assertThat(highlight.title()).isEqualTo("<mark>Léon</mark>: The <mark>Professional</mark>");

        assertThat(highlighter("q", "natal portm").highlight(LEON).orElseThrow().cast()).containsExactly("<mark>Natalie</mark> <mark>Portman</mark>");
    }

    @Test
    void marksQuotedPhrasesButNotExcludedWords() {
        Highlight highlight = highlighter("q", "\"jean reno\" -hitman").highlight(LEON).orElseThrow();
        assertThat(highlight.cast()).containsExactly("<mark>Jean</mark> <mark>Reno</mark>");
        assertThat(highlight.extract()).doesNotContain("<mark>hitman</mark>");
    }

    @Test
    void marksNoTypoWhenTyposAreOff() {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("q", "profesional");
        params.add("fuzzy", "false");
        assertThat(Highlighter.of(MovieSearchRequest.from(params)).highlight(LEON)).isEmpty();
    }

    private static Highlighter highlighter(String name, String value) {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add(name, value);
        return Highlighter.of(MovieSearchRequest.from(params));
    }
}
