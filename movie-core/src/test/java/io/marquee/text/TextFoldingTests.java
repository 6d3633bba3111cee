package io.marquee.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFoldingTests {

    @Test
    void foldsAccentsCaseAndPunctuation() {
        assertThat(TextFolding.fold("Léon: The Professional")).isEqualTo("leon the professional");
        assertThat(TextFolding.fold("Mission: Impossible – Ghost Protocol")).isEqualTo("mission impossible ghost protocol");
        assertThat(TextFolding.fold("Penélope Cruz")).isEqualTo("penelope cruz");
    }

    @Test
    void foldsLettersThatDecompositionLeavesAlone() {
        assertThat(TextFolding.fold("Stellan Skarsgård")).isEqualTo("stellan skarsgard");
        assertThat(TextFolding.fold("Søren Ærø Straße")).isEqualTo("soren aero strasse");
        assertThat(TextFolding.fold("Łukasz Żak")).isEqualTo("lukasz zak");
    }

    @Test
    void joinsDottedAcronymsAndDropsApostrophes() {
        assertThat(TextFolding.fold("E.T. the Extra-Terrestrial")).isEqualTo("et the extra terrestrial");
        assertThat(TextFolding.fold("L.A. Confidential")).isEqualTo("la confidential");
        assertThat(TextFolding.fold("Schindler’s List")).isEqualTo("schindlers list");
        assertThat(TextFolding.fold("Robert Downey Jr.")).isEqualTo("robert downey jr");
    }

    @Test
    void writesRomanNumeralsFromTwoAsNumbersButLeavesSingleLetters() {
        assertThat(TextFolding.fold("Ghostbusters II")).isEqualTo("ghostbusters 2");
        assertThat(TextFolding.fold("Rocky IV")).isEqualTo("rocky 4");
        assertThat(TextFolding.fold("Star Wars: Episode VI – Return of the Jedi")).isEqualTo("star wars episode 6 return of the jedi");
        assertThat(TextFolding.fold("V for Vendetta")).isEqualTo("v for vendetta");
        assertThat(TextFolding.fold("I, Robot")).isEqualTo("i robot");
        assertThat(TextFolding.fold("Malcolm X")).isEqualTo("malcolm x");
        assertThat(TextFolding.fold("Vivid")).isEqualTo("vivid");
    }

    @Test
    void identityFoldingLeavesNumeralsAlone() {
        assertThat(TextFolding.identity("Ghostbusters II")).isEqualTo("ghostbusters ii");
        assertThat(TextFolding.identity("Léon: The Professional")).isEqualTo("leon the professional");
    }

    @Test
    void spellsOutAmpersands() {
        assertThat(TextFolding.fold("Fast & Furious")).isEqualTo("fast and furious");
    }

    @Test
    void foldsNothingToEmpty() {
        assertThat(TextFolding.fold(null)).isEmpty();
        assertThat(TextFolding.fold(" ) ")).isEmpty();
    }

    @Test
    void isIdempotent() {
        String once = TextFolding.fold("Amélie (2001) – «Le Fabuleux Destin»");
        assertThat(TextFolding.fold(once)).isEqualTo(once);
    }
}
