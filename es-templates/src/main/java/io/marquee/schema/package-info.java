/**
 * The movie index schema: the JSON component and index templates under {@code es-templates/} (the single source of
 * truth) and the Elasticsearch roles, the names of one deployment's indices, aliases and templates, and
 * {@link io.marquee.schema.SchemaInstaller}, which puts them on a cluster and creates the first indices.
 */
package io.marquee.schema;
