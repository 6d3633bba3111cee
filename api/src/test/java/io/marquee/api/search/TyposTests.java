package io.marquee.api.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TyposTests {

    @Test
    void toleratesOneEditFromFourLettersAndTwoFromEight() {
        assertThat(Typos.edits(3)).isZero();
        assertThat(Typos.edits(4)).isEqualTo(1);
        assertThat(Typos.edits(7)).isEqualTo(1);
        assertThat(Typos.edits(8)).isEqualTo(2);
        assertThat(Typos.fuzziness("godfater")).isEqualTo("2");
    }

    @Test
    void countsEditsWithTranspositionsAndKeepsTheFirstLetter() {
        assertThat(Typos.withinEdits("portman", "portmna", 1)).isTrue();
        assertThat(Typos.withinEdits("portman", "pertmen", 1)).isFalse();
        assertThat(Typos.withinEdits("schwarzenegger", "schwarzeneger", 2)).isTrue();
        assertThat(Typos.matches("portman", "portmna")).isTrue();
        assertThat(Typos.matches("portman", "bortman")).isFalse();
        assertThat(Typos.matches("cat", "car")).as("three letters tolerate no typo").isFalse();
    }

    @Test
    void neverPutsATypoInTheLastTwoLettersTyped() {
        assertThat(Typos.continues("tom cruise", "tom cr")).isTrue();
        assertThat(Typos.continues("tom conti", "tom cr")).as("the typo would be in what was just typed").isFalse();
        assertThat(Typos.continues("tom cruise", "tim cr")).as("a typo before the last two letters").isTrue();
        assertThat(Typos.continues("the godfather", "the gidfa")).isTrue();
        assertThat(Typos.continues("the godfather", "the godfe")).isFalse();
        assertThat(Typos.continues("jurassic park", "jurasic pa")).as("a dropped letter").isTrue();
        assertThat(Typos.continues("cat", "cxt")).isFalse();
    }
}
