/**
 * Loading files into the index: every record of every file read, validated and written, with a report of
 * what was read, indexed, rejected (with positions and reasons) and what could not be read at all.
 */
package io.marquee.indexer.load;
