package io.marquee.indexer.prominence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.marquee.indexer.indices.MovieIndexAdmin;

/**
 * Ranks the live index again in a consuming indexer once writes to it have settled: every
 * {@link ProminenceProperties#interval()} it reads how many documents its primaries have indexed and deleted, and
 * ranks when that count has changed since its last ranking but not since the last look. So a delivery is ranked
 * once, an interval after its last movie, not once per message. Every replica does this on its own; a ranking of a
 * catalogue already ranked rewrites nothing, and so changes nothing for the others.
 */
public class RankingSchedule {

    private static final Logger log = LoggerFactory.getLogger(RankingSchedule.class);

    private final CatalogueRanking ranking;
    private final ElasticsearchClient client;
    private final MovieIndexAdmin admin;
    private final ProminenceProperties properties;
    private long lastSeen = -1;
    private long rankedAt = -1;
    private ScheduledExecutorService timer;

    public RankingSchedule(CatalogueRanking ranking, ElasticsearchClient client, MovieIndexAdmin admin, ProminenceProperties properties) {
        this.ranking = ranking;
        this.client = client;
        this.admin = admin;
        this.properties = properties;
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "prominence-ranking");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.interval().toMillis();
        timer.scheduleWithFixedDelay(this::rankIfSettled, every, every, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /**
     * Ranks when the live index was written to since the last ranking and not since the last look; whatever fails is
     * tried again at the next look.
     *
     * @return whether it ranked
     */
    synchronized boolean rankIfSettled() {
        try {
            Optional<String> live = admin.readIndex();
            if (live.isEmpty()) {
                return false;
            }
            long writes = writes(live.get());
            if (writes != lastSeen) {
                lastSeen = writes;
                return false;
            }
            if (writes == rankedAt) {
                return false;
            }
            CatalogueRanking.Ranked ranked = ranking.rank(live.get(), () -> {
            });
            log.info("Ranked {}: {} movies, {} people, {} rewritten, {} failed, in {} ms", ranked.index(), ranked.movies(), ranked.people(),
                    ranked.rewritten(), ranked.outcome().failures().size(), ranked.took().toMillis());
            if (ranked.complete()) {
                rankedAt = writes(live.get());
                lastSeen = rankedAt;
            }
            return true;
        }
        catch (RuntimeException ex) {
            log.warn("Ranking the catalogue failed; it is tried again in {}: {}", properties.interval(), ex.toString());
            return false;
        }
    }

    /** Documents the index's primaries have indexed and deleted since their nodes started. */
    private long writes(String index) {
        try {
            var stats = client.indices().stats(s -> s.index(index).metric("indexing")).indices().get(index).primaries().indexing();
            return stats.indexTotal() + stats.deleteTotal();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
