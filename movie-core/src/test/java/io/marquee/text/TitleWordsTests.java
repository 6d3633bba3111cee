package io.marquee.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitleWordsTests {

    @Test
    void leavesOutALeadingArticleOnlyWhenWordsFollow() {
        assertThat(TitleWords.bare("the godfather")).isEqualTo("godfather");
        assertThat(TitleWords.bare("a beautiful mind")).isEqualTo("beautiful mind");
        assertThat(TitleWords.bare("the")).isEqualTo("the");
        assertThat(TitleWords.bare("theodora")).isEqualTo("theodora");
    }

    @Test
    void startsASuffixAtEveryWordButInitials() {
        assertThat(TitleWords.suffixes("the dark knight", 1)).containsExactly("the dark knight", "dark knight", "knight");
        assertThat(TitleWords.suffixes("samuel l jackson", 2)).containsExactly("samuel l jackson", "jackson");
        assertThat(TitleWords.suffixes("", 1)).isEmpty();
        assertThat(TitleWords.suffixes("a b c d e f g h i j k", 1)).hasSize(8);
    }

    @Test
    void knowsWhereAMatchStarts() {
        assertThat(TitleWords.startsAtTheStart("the dark knight", "dark knight")).isTrue();
        assertThat(TitleWords.startsAtTheStart("the dark knight", "knight")).isFalse();
        assertThat(TitleWords.count("the dark knight")).isEqualTo(3);
        assertThat(TitleWords.count("")).isZero();
    }
}
