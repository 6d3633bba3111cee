package io.marquee.movie;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovieDocumentTests {

    @Test
    void derivesFoldedFieldsGenresAndSuggestions() throws Exception {
        MovieDocument doc = MovieDocument.of(new MovieDocument.Facts("Vicky Cristina Barcelona", 2008,
                List.of("Penélope Cruz", "Javier Bardem"), List.of("Sport", "Romance", "Romance"), "A film.", "Vicky_Cristina_Barcelona",
                null, null, null), "wikipedia", MovieSource.file("file:/x.json", 3), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(doc.castFolded()).containsExactly("penelope cruz", "javier bardem");
        assertThat(doc.genres()).containsExactly("Sports", "Romance");
        assertThat(doc.titleSuggest().input()).containsExactly("vicky cristina barcelona", "cristina barcelona", "barcelona");
        assertThat(doc.castSuggest()).extracting(MovieDocument.Suggestion::input)
                .containsExactly(List.of("penelope cruz", "cruz"), List.of("javier bardem", "bardem"));
        assertThat(doc.titleBare()).isEqualTo("vicky cristina barcelona");
        assertThat(doc.prominence()).isBetween(0.0, 1.0);
        assertThat(doc.titleSuggest().weight()).isEqualTo(io.marquee.ranking.Prominence.weight(doc.prominence()));
        assertThat(doc.id()).startsWith("vicky-cristina-barcelona-2008-");

        String json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(doc);
        assertThat(json).contains("\"ingestedAt\":\"2026-01-01T00:00:00Z\"").doesNotContain("thumbnail");
    }

    @Test
    void factsNameTheirFieldsOnceAndSayWhichChanged() {
        MovieDocument.Facts before = new MovieDocument.Facts("Heat", 1995, List.of("Al Pacino"), List.of("Crime"), null, "Heat_(1995_film)",
                null, null, null);
        MovieDocument.Facts after = new MovieDocument.Facts("Heat", 1995, List.of("Al Pacino", "Robert De Niro"), List.of("Crime"),
                "A film.", "Heat_(1995_film)", null, null, null);

        assertThat(MovieDocument.Facts.NAMES).containsExactly("title", "year", "cast", "genres", "extract", "href", "thumbnail",
                "thumbnailWidth", "thumbnailHeight", "rating");
        assertThat(after.changedFrom(before)).containsExactly("cast", "extract");
        assertThat(after.changedFrom(after)).isEmpty();
    }
}
