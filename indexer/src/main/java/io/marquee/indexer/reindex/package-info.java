/**
 * Rebuilding the movie index without downtime: building {@code movies-v<N+1>} from S3 or from the live index,
 * keeping it in step with live writes, verifying it, flipping the aliases atomically, rolling back and pruning,
 * one operation at a time under a lease.
 */
package io.marquee.indexer.reindex;
