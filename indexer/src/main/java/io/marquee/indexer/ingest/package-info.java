/**
 * Reading movie files: where records come from (the {@link io.marquee.indexer.ingest.MovieFile} seam; local
 * files now, S3 objects later), the formats (JSON array, NDJSON, single object, gzipped), and per-record
 * validation with positions and reasons.
 */
package io.marquee.indexer.ingest;
