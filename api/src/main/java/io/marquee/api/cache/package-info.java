/**
 * The response cache: answers keyed by the normalised request and the read alias's index generation, with
 * coalesced misses, strong ETags naming the generation, and HTTP caching headers for a CDN in front.
 */
package io.marquee.api.cache;
