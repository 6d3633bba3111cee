/**
 * The movie as it is stored, shared by the indexer, which writes it, and the API, which reads it: the document and
 * its facts, where a record came from, its id scheme, its audit entry, and the one JSON configuration of all of them.
 */
package io.marquee.movie;
