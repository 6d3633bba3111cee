/**
 * The audit trail: before a batch of writes, the current documents are fetched and compared; identical records
 * are skipped (re-applying one records nothing), older ones are stale, and every real create, update and delete
 * is recorded in {@code movies-audit} with the names of the fields that changed, before the write itself.
 */
package io.marquee.indexer.audit;
