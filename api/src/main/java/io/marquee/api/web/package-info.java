/**
 * Cross-cutting HTTP concerns: the API's one mapping of exceptions to RFC 7807 problems (a capability's
 * {@link io.marquee.api.web.ProblemException}s, framework errors, 503 with {@code Retry-After} when Elasticsearch
 * cannot answer, a bare 500 that reveals nothing otherwise), the search page's assets and browser policy, and the
 * API docs kept off the event loop.
 */
package io.marquee.api.web;
