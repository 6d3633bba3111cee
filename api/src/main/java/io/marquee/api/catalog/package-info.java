/**
 * The movie catalogue as the API sees it: the async Elasticsearch client, the read alias, the public view of
 * a movie, turning Elasticsearch failures into {@link io.marquee.api.catalog.CatalogUnavailableException},
 * and readiness while the alias is missing.
 */
package io.marquee.api.catalog;
