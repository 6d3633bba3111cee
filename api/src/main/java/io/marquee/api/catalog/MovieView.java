package io.marquee.api.catalog;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.marquee.movie.MovieDocument;

/**
 * A movie as the API shows it: the facts, without the derived fields used for matching.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MovieView(String id, String title, int year, List<String> cast, List<String> genres, String extract, String href,
        String thumbnail, Integer thumbnailWidth, Integer thumbnailHeight, MovieDocument.Rating rating) {

    /** The document fields a view needs: searches ask Elasticsearch for these only. */
    public static final List<String> SOURCE_FIELDS = Stream.concat(Stream.of("id"), MovieDocument.Facts.NAMES.stream()).toList();

    public static MovieView of(MovieDocument document) {
        return new MovieView(document.id(), document.title(), document.year(), document.cast(), document.genres(), document.extract(),
                document.href(), document.thumbnail(), document.thumbnailWidth(), document.thumbnailHeight(), document.rating());
    }
}
