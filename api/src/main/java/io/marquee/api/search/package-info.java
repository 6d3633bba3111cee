/**
 * Search: {@code GET /v1/movies} with free text, exact and fuzzy filters, sorting and paging, and
 * {@code GET /v1/movies/{id}}. Requests are parsed and validated here; bad ones are
 * {@link io.marquee.api.search.InvalidSearchException}s, answered as RFC 7807 problems.
 */
package io.marquee.api.search;
