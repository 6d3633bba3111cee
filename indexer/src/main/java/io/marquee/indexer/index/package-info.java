/**
 * Writing movies to Elasticsearch: bulk indexing through the write alias with bounded in-flight requests,
 * retries with backoff for 429 and 5xx, and an exact account of every operation's outcome.
 */
package io.marquee.indexer.index;
