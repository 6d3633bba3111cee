package io.marquee.indexer.reindex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;

import co.elastic.clients.elasticsearch.core.CreateResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.marquee.schema.IndexNames;

/**
 * The lease in the control index that lets one operation at a time change the movie indices, across every indexer
 * replica. It is taken with create-if-absent, or over an expired lease with a compare-and-set on its sequence
 * number, so two contenders can never both win; its holder renews it until it closes it.
 */
final class Leases {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private final ElasticsearchClient client;
    private final IndexNames names;
    private final String owner;
    private final Clock clock;
    private final ReindexProperties properties;

    Leases(ElasticsearchClient client, IndexNames names, String owner, Clock clock, ReindexProperties properties) {
        this.client = client;
        this.names = names;
        this.owner = owner;
        this.clock = clock;
        this.properties = properties;
    }

    /** The lease as it stands, if anyone holds or held one. */
    Optional<LeaseRecord> current() {
        return read().map(Versioned::lease);
    }

    /**
     * Takes the lease for an operation on {@code target}.
     *
     * @throws LeaseHeldException when someone else holds an unexpired lease
     */
    Lease acquire(String operation, String target) {
        LeaseRecord wanted = new LeaseRecord(LeaseRecord.KIND, owner, operation, target, clock.instant(),
                clock.instant().plus(properties.leaseDuration()));
        Optional<Versioned> existing = read();
        try {
            if (existing.isEmpty()) {
                CreateResponse created = client.create(c -> c.index(names.controlIndex()).id(LeaseRecord.ID).document(wanted).refresh(
                        Refresh.True));
                return new Lease(wanted, created.seqNo(), created.primaryTerm(), null);
            }
            Versioned held = existing.get();
            if (!held.lease().expiredAt(clock.instant())) {
                throw new LeaseHeldException(held.lease());
            }
            log.warn("Taking over the expired lease of {} ({} of {})", held.lease().owner(), held.lease().operation(), held.lease().target());
            IndexResponse taken = client.index(i -> i.index(names.controlIndex()).id(LeaseRecord.ID).document(wanted)
                    .ifSeqNo(held.seqNo()).ifPrimaryTerm(held.primaryTerm()).refresh(Refresh.True));
            return new Lease(wanted, taken.seqNo(), taken.primaryTerm(), held.lease());
        }
        catch (ElasticsearchException ex) {
            if (ex.status() == 409) {
                // Someone else created or took it between our read and our write.
                throw new LeaseHeldException(read().map(Versioned::lease).orElse(wanted));
            }
            throw ex;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch unreachable while taking the lease", ex);
        }
    }

    private Optional<Versioned> read() {
        try {
            GetResponse<LeaseRecord> response = client.get(g -> g.index(names.controlIndex()).id(LeaseRecord.ID), LeaseRecord.class);
            return response.found() ? Optional.of(new Versioned(response.source(), response.seqNo(), response.primaryTerm())) : Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch unreachable while reading the lease", ex);
        }
    }

    private record Versioned(LeaseRecord lease, long seqNo, long primaryTerm) {
    }

    /**
     * A held lease. It renews itself in the background; {@link #check()} fails once a renewal did not take (the lease
     * expired and someone else may have it), so long operations stop at their next step.
     */
    final class Lease implements AutoCloseable {

        private final LeaseRecord taken;
        private final LeaseRecord abandoned;
        private final ScheduledExecutorService renewer;
        private volatile LeaseRecord record;
        private volatile long seqNo;
        private volatile long primaryTerm;
        private volatile String lost;

        private Lease(LeaseRecord record, long seqNo, long primaryTerm, LeaseRecord abandoned) {
            this.taken = record;
            this.record = record;
            this.seqNo = seqNo;
            this.primaryTerm = primaryTerm;
            this.abandoned = abandoned;
            this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "reindex-lease");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(1, properties.leaseDuration().toMillis() / 3);
            renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
        }

        /** The expired lease this one replaced, if its holder died without releasing it. */
        Optional<LeaseRecord> abandoned() {
            return Optional.ofNullable(abandoned);
        }

        LeaseRecord record() {
            return taken;
        }

        void check() {
            if (lost != null) {
                throw new IllegalStateException("Lost the reindex lease (" + lost + "); stopping without changing the aliases");
            }
        }

        private synchronized void renew() {
            if (lost != null) {
                return;
            }
            LeaseRecord renewed = record.renewedUntil(clock.instant().plus(properties.leaseDuration()));
            try {
                IndexResponse response = client.index(i -> i.index(names.controlIndex()).id(LeaseRecord.ID).document(renewed)
                        .ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm));
                record = renewed;
                seqNo = response.seqNo();
                primaryTerm = response.primaryTerm();
            }
            catch (ElasticsearchException ex) {
                if (ex.status() == 409) {
                    lost = "someone else holds it now";
                    log.error("Lost the reindex lease for {}", taken.target());
                }
                else {
                    log.warn("Could not renew the reindex lease: {}", ex.toString());
                }
            }
            catch (IOException | RuntimeException ex) {
                // Retried at the next period; the lease outlives two missed renewals.
                log.warn("Could not renew the reindex lease: {}", ex.toString());
            }
        }

        @Override
        public synchronized void close() {
            renewer.shutdownNow();
            if (lost != null) {
                return;
            }
            try {
                client.delete(d -> d.index(names.controlIndex()).id(LeaseRecord.ID).ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm)
                        .refresh(Refresh.True));
            }
            catch (IOException | RuntimeException ex) {
                // It expires on its own.
                log.warn("Could not release the reindex lease; it expires at {}: {}", record.expiresAt(), ex.toString());
            }
        }
    }
}
