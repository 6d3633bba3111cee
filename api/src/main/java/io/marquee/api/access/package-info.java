/**
 * Who may do what, how often: API keys (stored as SHA-256 hashes) with their client ids, scopes and rate limits,
 * anonymous search when allowed, and a token bucket per client. Refusals are problems (401, 403, 429).
 */
package io.marquee.api.access;
