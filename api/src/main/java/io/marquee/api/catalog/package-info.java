/**
 * The movie catalogue as the API sees it: the async Elasticsearch client behind a guard (timeouts, a retry budget,
 * shard preference), the read alias's index generation, the public view of a movie, Elasticsearch failures as
 * {@link io.marquee.api.catalog.CatalogUnavailableException} or {@link io.marquee.api.catalog.CatalogRefusedException},
 * and readiness while the alias is missing.
 */
package io.marquee.api.catalog;
