package io.marquee.ranking;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProminenceTests {

    @Test
    void aLongerExtractAndALargerCastMeanABetterKnownFilm() {
        assertThat(Prominence.own(facts("The Godfather", 612, 19))).isGreaterThan(Prominence.own(facts("3 Godfathers", 358, 4)));
        assertThat(Prominence.own(facts("Top Gun", 747, 8))).isGreaterThan(Prominence.own(facts("Top Gun", 240, 2)));
        assertThat(Prominence.own(facts("No extract", 0, 0))).isZero();
    }

    @Test
    void ratingsCountWhereAProviderSendsThem() {
        MovieDocument.Facts plain = facts("Heat", 400, 5);
        MovieDocument.Facts rated = new MovieDocument.Facts(plain.title(), plain.year(), plain.cast(), plain.genres(), plain.extract(),
                plain.href(), null, null, null, new MovieDocument.Rating(7.9, 80_000));
        MovieDocument.Facts unrated = new MovieDocument.Facts(plain.title(), plain.year(), plain.cast(), plain.genres(), plain.extract(),
                plain.href(), null, null, null, new MovieDocument.Rating(7.9, 3));
        assertThat(Prominence.own(rated)).isGreaterThan(Prominence.own(unrated));
    }

    @Test
    void fewerLeadsInWellKnownFilmsOutweighManySmallParts() {
        People people = new People();
        // A star: leads in 12 well-documented films.
        IntStream.range(0, 12).forEach(i -> people.add(facts("Star film " + i, 700, 8, "Star Person", "Other " + i)));
        // A prolific player: 190 shorts with short extracts, first billed in all of them.
        IntStream.range(0, 190).forEach(i -> people.add(facts("Short " + i, 120, 2, "Prolific Person", "Partner " + i)));
        // A voice actor: 25th in the cast of 30 well-documented films.
        IntStream.range(0, 30).forEach(i -> people.add(facts("Animated " + i, 700, 30, castWithAt(24, "Voice Person"))));
        assertThat(people.of("star person")).isGreaterThan(people.of("prolific person")).isGreaterThan(0);
        assertThat(people.of("star person")).isGreaterThan(people.of("voice person"));
        assertThat(people.of("nobody")).isZero();
    }

    @Test
    void aMoviesProminenceBlendsItsOwnScoreWithItsLeads() {
        double own = 0.5;
        assertThat(Prominence.movie(own, List.of(0.9, 0.8, 0.7))).isGreaterThan(Prominence.movie(own, List.of(0.1, 0.1)));
        // Only the first five billed count as leads.
        assertThat(Prominence.movie(own, List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.9))).isEqualTo(Prominence.movie(own, List.of()));
        assertThat(Prominence.movie(0.999_999, List.of(0.999_999, 0.999_999, 0.999_999))).isLessThan(1.0);
    }

    @Test
    void theSameCatalogueAlwaysGivesTheSameScores() {
        People first = new People();
        People second = new People();
        List<MovieDocument.Facts> catalogue = IntStream.range(0, 50).mapToObj(i -> facts("Film " + i, 100 + 13 * i, i % 9, "Lead " + i % 7,
                "Second " + i % 5)).toList();
        catalogue.forEach(first::add);
        List<MovieDocument.Facts> reversed = new java.util.ArrayList<>(catalogue);
        java.util.Collections.reverse(reversed);
        reversed.forEach(second::add);
        assertThat(first.all()).isEqualTo(second.all());
    }

    @Test
    void aRankedDocumentWeighsItsCastByTheCatalogue() {
        People people = new People();
        IntStream.range(0, 10).forEach(i -> people.add(facts("Star film " + i, 900, 10, "Tom Cruise")));
        MovieDocument.Facts film = facts("Top Gun", 747, 8, "Tom Cruise", "Kelly McGillis");
        MovieDocument alone = MovieDocument.of(film, "test", MovieSource.file("file:/x", 1), Instant.EPOCH);
        MovieDocument ranked = alone.ranked(people);
        assertThat(ranked.castSuggest().get(0).weight()).isEqualTo(Prominence.weight(people.of("tom cruise")));
        assertThat(ranked.castSuggest().get(1).weight()).isZero();
        assertThat(ranked.prominence()).isNotEqualTo(alone.prominence());
        assertThat(ranked.facts()).isEqualTo(alone.facts());
    }

    private static String[] castWithAt(int position, String name) {
        String[] cast = IntStream.range(0, 30).mapToObj(i -> "Extra " + i).toArray(String[]::new);
        cast[position] = name;
        return cast;
    }

    private static MovieDocument.Facts facts(String title, int extractLength, int castSize, String... named) {
        List<String> cast = new java.util.ArrayList<>(List.of(named));
        for (int i = cast.size(); i < castSize; i++) {
            cast.add(title + " player " + i);
        }
        return new MovieDocument.Facts(title, 2000, cast, List.of("Drama"), extractLength == 0 ? null : "x".repeat(extractLength),
                title.replace(' ', '_'), null, null, null);
    }
}
