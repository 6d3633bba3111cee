package io.marquee.movie;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovieIdsTests {

    @Test
    void isDeterministicAndReadable() {
        String id = MovieIds.of("Top Gun", 1986, "Top_Gun");
        assertThat(id).isEqualTo(MovieIds.of("Top Gun", 1986, "Top_Gun")).matches("top-gun-1986-[0-9a-f]{8}");
    }

    @Test
    void ignoresAccentsCaseAndPunctuationOfTheTitle() {
        assertThat(MovieIds.of("Léon: The Professional", 1994, "L%C3%A9on"))
                .isEqualTo(MovieIds.of("leon the professional", 1994, "L%C3%A9on"));
    }

    @Test
    void separatesFilmsWithTheSameTitleAndYearButDifferentPages() {
        assertThat(MovieIds.of("Carmen", 1915, "Carmen_(1915_Cecil_B._DeMille_film)"))
                .isNotEqualTo(MovieIds.of("Carmen", 1915, "Carmen_(1915_Raoul_Walsh_film)"));
        assertThat(MovieIds.of("The Decoy", 1916, null)).isNotEqualTo(MovieIds.of("The Decoy", 1916, "The_Decoy_(1916_film)"));
    }

    @Test
    void separatesYearsThatShareAPage() {
        assertThat(MovieIds.of("The Train Wreckers", 1905, "The_Train_Wreckers"))
                .isNotEqualTo(MovieIds.of("The Train Wreckers", 1925, "The_Train_Wreckers"));
    }

    @Test
    void boundsTheSlugOfLongOrSymbolOnlyTitles() {
        assertThat(MovieIds.of("A".repeat(20) + " " + "b".repeat(60), 2000, null)).hasSizeLessThan(70);
        assertThat(MovieIds.of("!!!", 2000, null)).startsWith("untitled-2000-");
    }
}
