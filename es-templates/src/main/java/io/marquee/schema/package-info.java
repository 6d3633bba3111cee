/**
 * The movie index schema and its lifecycle: the JSON templates under {@code es-templates/} (the single
 * source of truth), the document they describe, the id scheme, and the versioned indices behind the
 * read alias {@code movies} and the write alias {@code movies-write}.
 */
package io.marquee.schema;
