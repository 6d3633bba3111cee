package io.marquee.api.writes;

/**
 * The answer to an accepted write: where the movie was stored, and the id it will have once indexed.
 */
record Accepted(String bucket, String key, String id) {
}
