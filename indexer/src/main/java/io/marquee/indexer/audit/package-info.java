/**
 * The audit trail: before a batch of writes, the current documents are fetched and compared; identical records
 * are skipped (re-applying one records nothing), older ones are stale, writes a provider may not apply are refused,
 * and every real create, update and delete is recorded in {@code movies-audit} with the names of the fields that
 * changed, before the write itself ({@link io.marquee.indexer.audit.ChangeTracker}). {@link io.marquee.indexer.audit.AuditedWrites}
 * is the pipeline that does it batch by batch (decide, audit, send) with Elasticsearch always busy; the audit
 * trail's rollover is here too.
 */
package io.marquee.indexer.audit;
