package io.marquee.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GenresTests {

    @Test
    void mapsSpellingsToOneCanonicalGenre() {
        assertThat(Genres.canonical("Sport")).isEqualTo("Sports");
        assertThat(Genres.canonical("sports")).isEqualTo("Sports");
        assertThat(Genres.canonical("Sci-Fi")).isEqualTo("Science Fiction");
        assertThat(Genres.canonical("science fiction")).isEqualTo("Science Fiction");
        assertThat(Genres.canonical("  film   noir ")).isEqualTo("Noir");
    }

    @Test
    void keepsUnknownGenresAsGiven() {
        assertThat(Genres.canonical("  Mumblecore  Comedy ")).isEqualTo("Mumblecore Comedy");
    }
}
