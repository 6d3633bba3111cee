/**
 * The movie record as providers deliver it (the wikipedia-movie-data shape), and its validation: shared by the
 * indexer, which reads files, and the API, which accepts single movies, so both apply the same rules.
 */
package io.marquee.records;
