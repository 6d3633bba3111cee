package io.marquee.movie;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.marquee.ranking.People;
import io.marquee.ranking.Prominence;
import io.marquee.text.Genres;
import io.marquee.text.TextFolding;
import io.marquee.text.TitleWords;

/**
 * A movie as stored in Elasticsearch. Its properties mirror {@code movies-mappings.json} one to one
 * ({@code MovieDocumentMappingTests} keeps the two in step). Build one with {@link #of}: the folded fields,
 * the normalised genres, the suggestion inputs, the prominence and the id are all derived, never supplied.
 * <p>
 * Prominence depends on the whole catalogue (a person's films), so a document made from one delivery carries the
 * score its facts alone give ({@link People#of}); {@link #ranked} gives it the catalogue's, when the indexer ranks
 * the catalogue again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MovieDocument(
        String id,
        String title,
        String titleFolded,
        String titleBare,
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
        Double prominence,
        Suggestion titleSuggest,
        List<Suggestion> castSuggest) {

    /** An average rating and how many ratings it averages (from a provider's ratings, e.g. a Kaggle bundle). */
    public record Rating(double average, long count) {
    }

    /** The input of a {@code completion} field: the texts a completion can start from, and its weight. */
    public record Suggestion(List<String> input, Integer weight) {
    }

    /** Word suffixes of cast names start only at words of this length: not at a middle initial. */
    static final int MIN_NAME_START = 2;

    /**
     * The facts of a movie as a provider delivered them, already validated. The document adds what is
     * derived from them.
     */
    public record Facts(String title, int year, List<String> cast, List<String> genres, String extract, String href,
            String thumbnail, Integer thumbnailWidth, Integer thumbnailHeight, Rating rating) {

        private static final List<RecordComponent> COMPONENTS = List.of(Facts.class.getRecordComponents());

        /**
         * The names of a movie's fact fields, as the document stores them: the one list, read from this record, that
         * the audit trail compares and the reads ask Elasticsearch for.
         */
        public static final List<String> NAMES = COMPONENTS.stream().map(RecordComponent::getName).toList();

        public Facts {
            cast = List.copyOf(cast);
            genres = List.copyOf(genres);
        }

        /** Facts in the wikipedia-movie-data shape, which has no ratings. */
        public Facts(String title, int year, List<String> cast, List<String> genres, String extract, String href, String thumbnail,
                Integer thumbnailWidth, Integer thumbnailHeight) {
            this(title, year, cast, genres, extract, href, thumbnail, thumbnailWidth, thumbnailHeight, null);
        }

        /** The names of the fields whose values differ from {@code before}'s, in {@link #NAMES} order. */
        public List<String> changedFrom(Facts before) {
            List<String> changed = new ArrayList<>();
            for (RecordComponent component : COMPONENTS) {
                if (!Objects.equals(value(component, before), value(component, this))) {
                    changed.add(component.getName());
                }
            }
            return changed;
        }

        private static Object value(RecordComponent component, Facts facts) {
            try {
                return component.getAccessor().invoke(facts);
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of a movie's facts", ex);
            }
        }
    }

    public static MovieDocument of(Facts facts, String provider, MovieSource source, Instant ingestedAt) {
        return of(facts, provider, source, ingestedAt, People.of(facts));
    }

    private static MovieDocument of(Facts facts, String provider, MovieSource source, Instant ingestedAt, People people) {
        List<String> castFolded = facts.cast().stream().map(TextFolding::fold).toList();
        List<String> genres = facts.genres().stream().map(Genres::canonical).distinct().toList();
        String titleFolded = TextFolding.fold(facts.title());
        double prominence = Prominence.movie(Prominence.own(facts), castFolded.stream().map(people::of).toList());
        List<Suggestion> castSuggest = castFolded.stream().filter(name -> !name.isEmpty()).distinct()
                .map(name -> new Suggestion(TitleWords.suffixes(name, MIN_NAME_START), Prominence.weight(people.of(name)))).toList();
        return new MovieDocument(
                MovieIds.of(facts.title(), facts.year(), facts.href()),
                facts.title(), titleFolded, TitleWords.bare(titleFolded), facts.year(),
                facts.cast(), castFolded, genres,
                facts.extract(), facts.extract() == null ? null : TextFolding.fold(facts.extract()),
                facts.href(), facts.thumbnail(), facts.thumbnailWidth(), facts.thumbnailHeight(), facts.rating(),
                provider, source, ingestedAt, prominence,
                titleFolded.isEmpty() ? null : new Suggestion(TitleWords.suffixes(titleFolded, 1), Prominence.weight(prominence)),
                castSuggest.isEmpty() ? null : castSuggest);
    }

    /** This movie with the prominence the whole catalogue's {@code people} give it and its cast. */
    public MovieDocument ranked(People people) {
        return of(facts(), provider, source, ingestedAt, people);
    }

    /** The same document, credited to {@code owner}: a trusted provider's change leaves a movie with its owner. */
    public MovieDocument ownedBy(String owner) {
        return owner.equals(provider) ? this : of(facts(), owner, source, ingestedAt);
    }

    /** The document the current code derives from this one's facts: what a copy between index versions writes. */
    public MovieDocument rederived() {
        return of(facts(), provider, source, ingestedAt);
    }

    public Facts facts() {
        return new Facts(title, year, cast, genres, extract, href, thumbnail, thumbnailWidth, thumbnailHeight, rating);
    }
}
