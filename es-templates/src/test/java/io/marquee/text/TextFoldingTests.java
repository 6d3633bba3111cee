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
