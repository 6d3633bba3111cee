package io.marquee.api.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

    @Test
    void foldsPlainWordsAndFindsTheYear() {
        SearchText text = SearchText.parse("Tom Crúise 1986");
        assertThat(text.words()).containsExactly("tom", "cruise", "1986");
        assertThat(text.year()).isEqualTo(1986);
        assertThat(text.wordsBesideTheYear()).containsExactly("tom", "cruise");
    }

    @Test
    void keepsAYearThatIsTheWholeQueryAsAWord() {
        SearchText text = SearchText.parse("1917");
        assertThat(text.year()).isEqualTo(1917);
        assertThat(text.wordsBesideTheYear()).containsExactly("1917");
        assertThat(SearchText.parse("1869 2101").year()).as("outside 1870-2100").isNull();
        assertThat(SearchText.parse("300").year()).isNull();
    }

    @Test
    void readsQuotedPhrasesAndExclusionsAsThePeersDo() {
        SearchText text = SearchText.parse("\"Meg Ryan\" tom -hanks -\"you've got\" spider-man");
        assertThat(text.phrases()).containsExactly("meg ryan");
        assertThat(text.excluded()).containsExactly("hanks", "youve got");
        assertThat(text.words()).containsExactly("tom", "spider", "man");
        assertThat(text.terms()).containsExactly("tom", "spider", "man", "meg", "ryan");
        assertThat(text.whole(List.of("tom"))).contains("tom meg ryan");
    }

    @Test
    void readsAnUnclosedQuoteAndALoneMinusAsWords() {
        SearchText text = SearchText.parse("\"dark knight - rises");
        assertThat(text.words()).containsExactly("dark", "knight", "rises");
        assertThat(text.phrases()).isEmpty();
        assertThat(text.excluded()).isEmpty();
        assertThat(SearchText.parse("\"\" -").isEmpty()).isTrue();
    }
}
