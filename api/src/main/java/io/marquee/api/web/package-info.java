/**
 * Cross-cutting HTTP concerns: RFC 7807 problems for framework and infrastructure errors (503 with
 * {@code Retry-After} when Elasticsearch cannot answer; a bare 500 that reveals nothing otherwise).
 */
package io.marquee.api.web;
