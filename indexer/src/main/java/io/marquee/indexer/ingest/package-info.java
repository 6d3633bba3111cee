/**
 * Reading movie files, whichever their origin: the {@link io.marquee.indexer.ingest.MovieFile} seam (local files and
 * S3 objects), the formats of {@link io.marquee.records.MovieFileFormat} (JSON array or single object, NDJSON, zip
 * bundles, each possibly gzipped), byte and record limits, and per-record validation with positions and reasons.
 */
package io.marquee.indexer.ingest;
