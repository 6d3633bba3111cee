/**
 * The original movie-data-api contract, unchanged for its existing clients: {@code /movies/year/{year}},
 * {@code /movies/name/{name}}, {@code /movies/castmember/{castmember}} and {@code /movies/genre/{genre}}, each a
 * JSON array of movies, exact but case- and accent-insensitive, 404 when nothing matches.
 */
package io.marquee.api.legacy;
