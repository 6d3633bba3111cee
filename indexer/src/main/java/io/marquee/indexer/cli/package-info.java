/**
 * The indexer's command line, and the only code of the indexer that writes to a terminal: {@code load},
 * {@code bootstrap}, {@code consume}, {@code prominence}, {@code status}, {@code reindex}, {@code flip}, {@code rollback},
 * {@code prune} and {@code dlq}. It calls the capabilities and formats the typed outcomes they return.
 */
package io.marquee.indexer.cli;
