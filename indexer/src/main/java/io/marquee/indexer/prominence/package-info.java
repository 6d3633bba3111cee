/**
 * Ranks the catalogue: computes every person's and every movie's prominence from the whole catalogue
 * ({@link io.marquee.ranking.People}) and rewrites the documents whose scores changed. Runs after {@code indexer load},
 * inside every reindex before its gate, on the {@code indexer prominence} command, and in a consuming indexer once
 * deliveries have settled.
 */
package io.marquee.indexer.prominence;
