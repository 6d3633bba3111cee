/**
 * Who is calling: every request's id, client and source address, resolved once at the edge, echoed in
 * {@code X-Request-Id} and carried into every log line written on its behalf.
 */
package io.marquee.api.identity;
