package io.marquee.indexer.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import io.marquee.indexer.audit.ChangeTracker;
import io.marquee.indexer.index.WriteOutcome;
import io.marquee.indexer.ingest.IngestLimits;
import io.marquee.indexer.ingest.S3MovieFile;
import io.marquee.indexer.load.LoadReport;
import io.marquee.indexer.load.MovieLoader;

/**
 * Acts on one S3 event. A created object under a known provider's prefix is read and loaded, every record
 * versioned by when the object was uploaded ({@link #deliveryVersion}); rejected records go to its quarantine record. A removed object
 * changes no movie: objects are deliveries, and expiring old deliveries must not empty the catalogue.
 */
class ObjectIngest implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(ObjectIngest.class);
    static final String UNKNOWN_PROVIDER = "_unknown";

    private final S3Client s3;
    private final MovieLoader loader;
    private final ChangeTracker changes;
    private final ProviderProperties providers;
    private final ObjectMapper json;
    private final IngestMetrics metrics;
    private final IngestLimits limits;

    ObjectIngest(S3Client s3, MovieLoader loader, ChangeTracker changes, ProviderProperties providers, ObjectMapper json, IngestMetrics metrics,
            IngestLimits limits) {
        this.s3 = s3;
        this.loader = loader;
        this.changes = changes;
        this.providers = providers;
        this.json = json;
        this.metrics = metrics;
        this.limits = limits;
    }

    @Override
    public Result process(ObjectEvent event) {
        if (event.removed()) {
            log.info("Object removed: s3://{}/{} (movies unchanged)", event.bucket(), event.key());
            try {
                changes.recordObjectRemoved(providers.providerOf(event.key()).map(ProviderProperties.Provider::id).orElse(UNKNOWN_PROVIDER),
                        event.bucket(), event.key(), event.versionId(), event.sequencer());
            }
            catch (java.io.UncheckedIOException ex) {
                throw new TransientFailure("Could not audit the removal of s3://" + event.bucket() + "/" + event.key(), ex);
            }
            return Result.REMOVAL_NOTED;
        }
        if (!event.created()) {
            log.info("Ignoring {} for s3://{}/{}", event.eventName(), event.bucket(), event.key());
            return Result.IGNORED;
        }
        if (event.key().startsWith(Quarantine.PREFIX)) {
            return Result.IGNORED;
        }
        Optional<ProviderProperties.Provider> provider = providers.providerOf(event.key());
        if (provider.isEmpty()) {
            quarantineWhole(event, UNKNOWN_PROVIDER, event.key(), "object is not under the prefix of a configured provider "
                    + "(incoming/<provider-id>/…); nothing was indexed");
            return Result.QUARANTINED;
        }
        String relativeKey = event.key().substring((ProviderProperties.INCOMING + provider.get().id() + "/").length());
        if (!provider.get().accepts(event.key())) {
            quarantineWhole(event, provider.get().id(), relativeKey, "provider " + provider.get().id() + " may deliver only "
                    + provider.get().formatIds() + "; nothing was indexed");
            return Result.QUARANTINED;
        }
        Optional<HeadObjectResponse> head = head(event);
        if (head.isEmpty()) {
            log.info("Object s3://{}/{} is gone; nothing to index", event.bucket(), event.key());
            return Result.GONE;
        }
        S3MovieFile file = new S3MovieFile(s3, event.bucket(), event.key(), event.versionId(),
                event.etag() != null ? event.etag() : head.get().eTag(), event.sequencer(), deliveryVersion(head.get().lastModified(), event.happenedAt()));
        try (Quarantine quarantine = new Quarantine(s3, json, event, provider.get().id(), relativeKey, limits.maxQuarantineBytes().toBytes())) {
            LoadReport report = loader.load(List.of(file), provider.get().id(),
                    rejection -> quarantine.add(rejection.position(), rejection.line(), rejection.reason(), rejection.raw()));
            metrics.documentRetries(report.retries());
            for (LoadReport.UnwrittenFile unwritten : report.unwritten()) {
                throw new TransientFailure("Records of " + unwritten.uri() + " not written: " + unwritten.reason(), null);
            }
            for (LoadReport.UnreadableFile unreadable : report.unreadable()) {
                if (unreadable.transientFailure()) {
                    throw new TransientFailure("Reading " + unreadable.uri() + " failed: " + unreadable.reason(), null);
                }
                quarantine.add(0, 0, "file cannot be read: " + unreadable.reason(), null);
            }
            for (WriteOutcome.Failure failure : report.failures()) {
                if (failure.retryable()) {
                    throw new TransientFailure("Elasticsearch did not take " + failure.id() + ": " + failure.reason(), null);
                }
                quarantine.add(failure.position(), 0, "refused by the index: " + failure.reason(), null);
            }
            quarantine.publish();
            log.info("Ingested {}: {} read, {} indexed, {} deleted, {} stale, {} quarantined", file.uri(), report.read(),
                    report.indexed(), report.deleted(), report.stale(), quarantine.count());
            return quarantine.count() == 0 ? Result.INDEXED : Result.INDEXED_WITH_QUARANTINE;
        }
        catch (SdkException ex) {
            throw new TransientFailure("S3 failed while ingesting " + file.uri(), ex);
        }
    }

    /**
     * The external version of a delivery's records: when it was uploaded, to the millisecond. {@code Last-Modified}
     * has whole seconds only, so two uploads within one second would tie and the one processed last would win,
     * whichever was uploaded last; the event's {@code eventTime} has milliseconds. It is believed no earlier than
     * {@code Last-Modified} (clocks differ) and no later than a day after it (a multipart upload's
     * {@code Last-Modified} is when it began), so no event can lift a version far beyond its object's.
     */
    static long deliveryVersion(Instant lastModified, Optional<Instant> happenedAt) {
        long modified = lastModified.toEpochMilli();
        return happenedAt.map(at -> Math.max(modified, Math.min(at.toEpochMilli(), modified + Duration.ofDays(1).toMillis()))).orElse(modified);
    }

    private Optional<HeadObjectResponse> head(ObjectEvent event) {
        try {
            return Optional.of(s3.headObject(h -> {
                h.bucket(event.bucket()).key(event.key());
                if (event.versionId() != null) {
                    h.versionId(event.versionId());
                }
            }));
        }
        catch (NoSuchKeyException ex) {
            return missingObject(event);
        }
        catch (S3Exception ex) {
            if (ex.statusCode() == 404) {
                return missingObject(event);
            }
            throw new TransientFailure("S3 HEAD failed for s3://" + event.bucket() + "/" + event.key(), ex);
        }
        catch (SdkException ex) {
            throw new TransientFailure("S3 unreachable for s3://" + event.bucket() + "/" + event.key(), ex);
        }
    }

    /**
     * An object that is gone was deleted after its event: nothing to do. A bucket that is gone is a fault to retry
     * (and, if it persists, for the dead-letter queue to keep), never a reason to drop the event.
     */
    private Optional<HeadObjectResponse> missingObject(ObjectEvent event) {
        try {
            s3.headBucket(h -> h.bucket(event.bucket()));
            return Optional.empty();
        }
        catch (S3Exception ex) {
            throw new TransientFailure("Bucket " + event.bucket() + " is not reachable (" + ex.statusCode() + ")", ex);
        }
    }

    private void quarantineWhole(ObjectEvent event, String provider, String relativeKey, String reason) {
        log.warn("Quarantined s3://{}/{}: {}", event.bucket(), event.key(), reason);
        try (Quarantine quarantine = new Quarantine(s3, json, event, provider, relativeKey, limits.maxQuarantineBytes().toBytes())) {
            quarantine.add(0, 0, reason, null);
            quarantine.publish();
        }
        catch (SdkException ex) {
            throw new TransientFailure("S3 failed while quarantining s3://" + event.bucket() + "/" + event.key(), ex);
        }
    }

    /** What became of an event. */
    enum Result {
        INDEXED, INDEXED_WITH_QUARANTINE, QUARANTINED, REMOVAL_NOTED, GONE, IGNORED
    }
}
