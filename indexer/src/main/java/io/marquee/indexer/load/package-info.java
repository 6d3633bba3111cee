/**
 * Loading files into the index: every record of every file read, validated and written (through the audited
 * pipeline, or straight to an index in a reindex's replay), with a report of what was read, indexed, rejected (by
 * reason code, with positions and reasons), what could not be read at all and what could not be written.
 */
package io.marquee.indexer.load;
