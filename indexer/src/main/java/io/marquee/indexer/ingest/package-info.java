/**
 * Reading movie files, whichever their origin: the {@link io.marquee.indexer.ingest.MovieFile} seam (local files and
 * S3 objects), the formats of {@link io.marquee.records.MovieFileFormat} with one
 * {@link io.marquee.indexer.ingest.FormatReader} each (JSON array or single object, NDJSON, zip bundles; the first two
 * possibly gzipped), byte and record limits, and per-record validation with positions and reasons.
 */
package io.marquee.indexer.ingest;
