package io.marquee.indexer.reindex;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.marquee.indexer.audit.Intent;
import io.marquee.indexer.audit.Ownership;
import io.marquee.indexer.ingest.S3MovieFile;
import io.marquee.indexer.load.LoadReport;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.PipelineProperties;
import io.marquee.indexer.pipeline.ProviderProperties;

/**
 * Fills an index by replaying every current object under {@code incoming/}: S3 is the source of truth. Objects are
 * read oldest first, across providers, each record versioned by its object's last-modified time, so that
 * deletions leave tombstones that older records cannot pass, and a movie's owner is the provider whose delivery
 * created it, as it was for the consumer: a write {@link Ownership} refuses is not replayed. Objects no provider may
 * deliver were quarantined when they arrived and are skipped again.
 */
final class S3Replay {

    private static final Logger log = LoggerFactory.getLogger(S3Replay.class);

    private final S3Client s3;
    private final MovieLoader loader;
    private final ProviderProperties providers;
    private final PipelineProperties pipeline;
    private final Ownership ownership;

    S3Replay(S3Client s3, MovieLoader loader, ProviderProperties providers, PipelineProperties pipeline, Ownership ownership) {
        this.s3 = s3;
        this.loader = loader;
        this.providers = providers;
        this.pipeline = pipeline;
        this.ownership = ownership;
    }

    /** The objects a replay would read, oldest first, each with the provider it belongs to. */
    List<Delivery> objects() {
        List<S3Object> listed = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(pipeline.bucket()).prefix(ProviderProperties.INCOMING)).contents().forEach(listed::add);
        listed.sort(Comparator.comparing(S3Object::lastModified).thenComparing(S3Object::key));
        List<Delivery> deliveries = new ArrayList<>();
        for (S3Object object : listed) {
            Optional<ProviderProperties.Provider> provider = providers.providerOf(object.key());
            if (provider.isEmpty() || !provider.get().accepts(object.key())) {
                continue;
            }
            // A listing has no event times, which version the consumer's writes to the millisecond: a replay versions by
            // Last-Modified to the second (as HEAD answers it), and within one second the listing order above decides.
            long version = object.lastModified().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
            deliveries.add(new Delivery(provider.get().id(), new S3MovieFile(s3, pipeline.bucket(), object.key(), null,
                    stripQuotes(object.eTag()), null, version)));
        }
        return deliveries;
    }

    Replayed replay(String index) {
        Map<String, Outcome> outcomes = new HashMap<>();
        List<LoadReport> reports = new ArrayList<>();
        List<Delivery> deliveries = objects();
        for (Delivery delivery : deliveries) {
            reports.add(loader.replay(List.of(delivery.file()), delivery.provider(), index, intent -> admit(outcomes, intent)));
        }
        long live = outcomes.values().stream().filter(Outcome::live).count();
        log.info("Replayed {} objects into {}: {} movies, {} of them live", deliveries.size(), index, outcomes.size(), live);
        return new Replayed(deliveries.size(), reports, outcomes);
    }

    /** Whether a replayed write may be applied, as the consumer decided it; remembers each movie's last state and owner. */
    private boolean admit(Map<String, Outcome> outcomes, Intent intent) {
        long version = intent.version() == null ? 0 : intent.version();
        Outcome was = outcomes.get(intent.id());
        if (was != null && version < was.version()) {
            // Older than what was replayed already: the index refuses it by its version, and it changes no outcome.
            return true;
        }
        String owner = was == null || !was.live() ? null : was.owner();
        if (ownership.refusal(intent.provider(), owner, intent.id()).isPresent()) {
            return false;
        }
        boolean live = intent.document() != null;
        outcomes.put(intent.id(), new Outcome(version, live, live ? (owner != null ? owner : intent.provider()) : null));
        return true;
    }

    private static String stripQuotes(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    /** An object to replay, and the provider whose prefix it is under. */
    record Delivery(String provider, S3MovieFile file) {
    }

    /** The final state a replay gave a movie: its version, whether it is indexed or deleted, and its owner while indexed. */
    record Outcome(long version, boolean live, String owner) {
    }

    /** What a replay read and wrote, and the state it left every movie in. */
    record Replayed(int objects, List<LoadReport> reports, Map<String, Outcome> outcomes) {

        long failures() {
            return reports.stream().mapToLong(r -> r.failures().size() + r.unreadable().size() + r.unwritten().size()).sum();
        }

        long read() {
            return reports.stream().mapToLong(LoadReport::read).sum();
        }
    }
}
