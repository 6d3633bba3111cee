/**
 * Prominence: how well known a movie or a person is, computed from what providers deliver (extract length, cast
 * size and billing, ratings), deterministically. The formula is written down in {@code docs/relevance.md}; search
 * and typeahead use it only to order matches of equal text quality, never to lift a worse match.
 */
package io.marquee.ranking;
