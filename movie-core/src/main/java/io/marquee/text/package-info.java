/**
 * Text normalisation shared by the indexer and the API: accent, case and punctuation folding, and genre
 * synonyms. The same code runs at index time and at query time, which is what makes folded matching exact.
 */
package io.marquee.text;
