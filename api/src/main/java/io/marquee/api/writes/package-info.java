/**
 * Writes through the API: {@code POST /v1/movies} and the original contract's {@code POST /movie}. The API never
 * writes to Elasticsearch: it validates the movie, stores it as an object under {@code incoming/api/…} and
 * answers {@code 202 Accepted}, so every change takes the one audited path through S3, SQS and the indexer.
 * Off unless {@code marquee.api.writes.enabled=true}.
 */
package io.marquee.api.writes;
