/**
 * Who may do what, how often, on Spring Security: one rule a route ({@code AccessRules}), API keys (stored as SHA-256
 * hashes) with their client ids, scopes and rate limits, anonymous search when allowed, a token bucket per client,
 * and the strict exchange firewall. Refusals are problems (400, 401, 403, 429).
 */
package io.marquee.api.access;
