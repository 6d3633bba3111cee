/**
 * The indexer's command line: {@code load <file-or-directory>…} and {@code bootstrap}.
 */
package io.marquee.indexer.cli;
