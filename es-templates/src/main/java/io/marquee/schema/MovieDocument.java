package io.marquee.schema;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.marquee.text.Genres;
import io.marquee.text.TextFolding;

/**
 * A movie as stored in Elasticsearch. Its properties mirror {@code movies-mappings.json} one to one
 * ({@code MovieDocumentMappingTests} keeps the two in step). Build one with {@link #of}: the folded fields,
 * the normalised genres, the suggestion inputs and the id are all derived, never supplied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MovieDocument(
        String id,
        String title,
        String titleFolded,
        int year,
        List<String> cast,
        List<String> castFolded,
        List<String> genres,
        String extract,
        String extractFolded,
        String href,
        String thumbnail,
        Integer thumbnailWidth,
        Integer thumbnailHeight,
        Rating rating,
        String provider,
        MovieSource source,
        Instant ingestedAt,
        Suggestion titleSuggest,
        Suggestion castSuggest) {

    /** An average rating and how many ratings it averages (from a provider's ratings, e.g. a Kaggle bundle). */
    public record Rating(double average, long count) {
    }

    /** The input of a {@code completion} field. */
    public record Suggestion(List<String> input) {
    }

    /**
     * The facts of a movie as a provider delivered them, already validated. The document adds what is
     * derived from them.
     */
    public record Facts(String title, int year, List<String> cast, List<String> genres, String extract, String href,
            String thumbnail, Integer thumbnailWidth, Integer thumbnailHeight, Rating rating) {

        public Facts {
            cast = List.copyOf(cast);
            genres = List.copyOf(genres);
        }

        /** Facts in the wikipedia-movie-data shape, which has no ratings. */
        public Facts(String title, int year, List<String> cast, List<String> genres, String extract, String href, String thumbnail,
                Integer thumbnailWidth, Integer thumbnailHeight) {
            this(title, year, cast, genres, extract, href, thumbnail, thumbnailWidth, thumbnailHeight, null);
        }
    }

    public static MovieDocument of(Facts facts, String provider, MovieSource source, Instant ingestedAt) {
        List<String> castFolded = facts.cast().stream().map(TextFolding::fold).toList();
        List<String> genres = facts.genres().stream().map(Genres::canonical).distinct().toList();
        String titleFolded = TextFolding.fold(facts.title());
        return new MovieDocument(
                MovieIds.of(facts.title(), facts.year(), facts.href()),
                facts.title(), titleFolded, facts.year(),
                facts.cast(), castFolded, genres,
                facts.extract(), facts.extract() == null ? null : TextFolding.fold(facts.extract()),
                facts.href(), facts.thumbnail(), facts.thumbnailWidth(), facts.thumbnailHeight(), facts.rating(),
                provider, source, ingestedAt,
                new Suggestion(List.of(titleFolded)),
                castFolded.isEmpty() ? null : new Suggestion(castFolded.stream().distinct().toList()));
    }

    /** The document the current code derives from this one's facts: what a copy between index versions writes. */
    public MovieDocument rederived() {
        return of(facts(), provider, source, ingestedAt);
    }

    public Facts facts() {
        return new Facts(title, year, cast, genres, extract, href, thumbnail, thumbnailWidth, thumbnailHeight, rating);
    }
}
