/**
 * A movie's history: {@code GET /v1/movies/{id}/history}, its audit trail newest first.
 */
package io.marquee.api.history;
