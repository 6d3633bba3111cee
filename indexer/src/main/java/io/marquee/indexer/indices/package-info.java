/**
 * The versioned movie indices behind the aliases, as the indexer administers them: creating and listing them, the
 * mirror alias, the atomic flip, deleting all but the live one, and rolling the audit trail over.
 */
package io.marquee.indexer.indices;
