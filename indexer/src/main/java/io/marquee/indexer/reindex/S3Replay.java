package io.marquee.indexer.reindex;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.marquee.indexer.audit.ChangeTracker;
import io.marquee.indexer.ingest.S3MovieFile;
import io.marquee.indexer.load.LoadReport;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.PipelineProperties;
import io.marquee.indexer.pipeline.ProviderProperties;

/**
 * Fills an index by replaying every current object under {@code incoming/}: S3 is the source of truth. Objects are
 * read oldest first, each record versioned by its object's last-modified time exactly as the queue consumer
 * versions it, so the order does not matter and deletions leave tombstones that older records cannot pass. Objects
 * no provider may deliver were quarantined when they arrived and are skipped again.
 */
final class S3Replay {

    private static final Logger log = LoggerFactory.getLogger(S3Replay.class);

    private final S3Client s3;
    private final MovieLoader loader;
    private final ProviderProperties providers;
    private final PipelineProperties pipeline;

    S3Replay(S3Client s3, MovieLoader loader, ProviderProperties providers, PipelineProperties pipeline) {
        this.s3 = s3;
        this.loader = loader;
        this.providers = providers;
        this.pipeline = pipeline;
    }

    /** The objects a replay would read, by provider, oldest first. */
    Map<String, List<S3MovieFile>> objects() {
        List<S3Object> listed = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(pipeline.bucket()).prefix(ProviderProperties.INCOMING)).contents().forEach(listed::add);
        listed.sort(Comparator.comparing(S3Object::lastModified).thenComparing(S3Object::key));
        Map<String, List<S3MovieFile>> byProvider = new LinkedHashMap<>();
        for (S3Object object : listed) {
            Optional<ProviderProperties.Provider> provider = providers.providerOf(object.key());
            if (provider.isEmpty() || !provider.get().accepts(object.key())) {
                continue;
            }
            // Last-Modified has whole seconds in S3's HEAD answers, which version the consumer's writes; listings may
            // carry milliseconds.
            long version = object.lastModified().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
            byProvider.computeIfAbsent(provider.get().id(), id -> new ArrayList<>())
                    .add(new S3MovieFile(s3, pipeline.bucket(), object.key(), null, stripQuotes(object.eTag()), null, version));
        }
        return byProvider;
    }

    Replayed replay(String index) {
        Map<String, Outcome> outcomes = new HashMap<>();
        List<LoadReport> reports = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, List<S3MovieFile>> provider : objects().entrySet()) {
            files += provider.getValue().size();
            reports.add(loader.replay(provider.getValue(), provider.getKey(), index, intent -> record(outcomes, intent)));
        }
        long live = outcomes.values().stream().filter(Outcome::live).count();
        log.info("Replayed {} objects into {}: {} movies, {} of them live", files, index, outcomes.size(), live);
        return new Replayed(files, reports, outcomes);
    }

    private static void record(Map<String, Outcome> outcomes, ChangeTracker.Intent intent) {
        long version = intent.version() == null ? 0 : intent.version();
        outcomes.merge(intent.id(), new Outcome(version, intent.document() != null), (was, is) -> is.version() >= was.version() ? is : was);
    }

    private static String stripQuotes(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    /** The final state a replay gave a movie: its version, and whether it is indexed or deleted. */
    record Outcome(long version, boolean live) {
    }

    /** What a replay read and wrote, and the state it left every movie in. */
    record Replayed(int objects, List<LoadReport> reports, Map<String, Outcome> outcomes) {

        long failures() {
            return reports.stream().mapToLong(r -> r.failures().size() + r.unreadable().size()).sum();
        }

        long read() {
            return reports.stream().mapToLong(LoadReport::read).sum();
        }
    }
}
