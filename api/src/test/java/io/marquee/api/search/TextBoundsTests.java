package io.marquee.api.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextBoundsTests {

    @Test
    void boundsATextAsSentAndOnceFolded() {
        assertThat(TextBounds.checked("q", "  " + "Ghostbusters II: ".repeat(15) + "  ", 256)).hasSize(254);
        assertThat(TextBounds.checked("q", " ", 256)).isNull();
        assertThatThrownBy(() -> TextBounds.checked("q", "x".repeat(257), 256)).hasMessage("q must be at most 256 characters (was 257)");
        assertThatThrownBy(() -> TextBounds.checked("q", "\uFDFA".repeat(15), 256))
                .hasMessageStartingWith("q must be at most 256 characters once its characters are spelt out");
        assertThat(TextBounds.checked("q", "\uFDFA".repeat(14), 256)).hasSize(14);
    }

    @Test
    void aRequiredTextMayNotBeBlank() {
        assertThatThrownBy(() -> TextBounds.required("name", "  ", 256)).hasMessage("name must be 1 to 256 characters");
        assertThat(TextBounds.required("name", " Heat ", 256)).isEqualTo("Heat");
    }
}
