/**
 * Access to the full wikipedia-movie-data set beside the project, for tests and benchmarks that use it
 * when present and skip with a clear message when not.
 */
package io.marquee.testsupport.data;
