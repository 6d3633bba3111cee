package io.marquee.indexer.reindex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.convert.DurationStyle;

import io.marquee.indexer.index.Calls;
import io.marquee.indexer.prominence.CatalogueRanking;
import io.marquee.movie.AuditEntry;
import io.marquee.schema.IndexNames;
import io.marquee.indexer.indices.MovieIndexAdmin;

/**
 * The operator's reindex commands. A reindex creates {@code movies-v<N+1>} from the current templates, puts the
 * mirror alias on it (from then on every write reaches it too), fills it from S3 or from the live index, catches
 * it up through the audit trail, ranks it (prominence over the whole catalogue), verifies it, and with a flip moves
 * the read and write aliases in one request. The index that was live keeps the mirror alias, so a rollback returns
 * to an index that missed nothing. Every command
 * that changes the aliases holds the lease, so only one runs at a time across all indexers.
 */
public final class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    private final ElasticsearchClient client;
    private final MovieIndexAdmin admin;
    private final IndexNames names;
    private final Leases leases;
    private final IndexStates states;
    private final IndexCopy copy;
    private final S3Replay replay;
    private final CatchUp catchUp;
    private final CatalogueRanking ranking;
    private final VerificationGate gate;
    private final ReindexProperties properties;
    private final Clock clock;

    Reindexer(ElasticsearchClient client, MovieIndexAdmin admin, Leases leases, IndexStates states, IndexCopy copy, S3Replay replay,
            CatchUp catchUp, CatalogueRanking ranking, VerificationGate gate, ReindexProperties properties, Clock clock) {
        this.client = client;
        this.admin = admin;
        this.names = admin.names();
        this.leases = leases;
        this.states = states;
        this.gate = gate;
        this.copy = copy;
        this.replay = replay;
        this.catchUp = catchUp;
        this.ranking = ranking;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where a reindex fills the candidate from. */
    public enum Source {
        S3, INDEX;

        public static Source parse(String value) {
            return switch (value) {
                case "s3" -> S3;
                case "index" -> INDEX;
                default -> throw new IllegalArgumentException("--from must be s3 or index, not '" + value + "'");
            };
        }

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Builds the next index version and, when asked, flips to it.
     *
     * @param tolerance overrides the configured count tolerance when present
     */
    public Report reindex(Source source, boolean flip, boolean dryRun, Optional<Long> tolerance) {
        admin.bootstrap();
        IndexState state = states.read();
        String live = state.live();
        String target = names.versionedIndex(admin.highestVersion() + 1);
        Report report = new Report();
        if (dryRun) {
            report.add(new ReindexStep.DryRun(target, source, live, count(live), source == Source.INDEX ? 0 : replay.objects().size(),
                    leases.current().filter(l -> !l.expiredAt(clock.instant())).orElse(null), flip));
            return report.succeeded(true);
        }
        Instant started = clock.instant();
        try (Leases.Lease lease = leases.acquire("reindex --from " + source.value(), target)) {
            lease.abandoned().ifPresent(abandoned -> cleanUp(abandoned, report));
            state = states.read();
            admin.installTemplates();
            admin.createIndex(target);
            Instant since = clock.instant();
            admin.attachMirror(target);
            state = state.withCandidate(target, since, source.value());
            states.write(state);
            report.add(new ReindexStep.Created(target));
            Instant window = since.minus(properties.catchUpMargin());
            LongSupplier expected = fill(source, live, target, window, lease, report);
            CatchUp.Caught caught = catchUp.apply(live, target, window);
            report.add(new ReindexStep.CaughtUp(caught.changed(), window));
            String retention = admin.tombstoneRetention();
            long tombstones = catchUp.carryTombstones(target, clock.instant(), DurationStyle.SIMPLE.parse(retention));
            report.add(new ReindexStep.TombstonesCarried(tombstones, retention));
            CatalogueRanking.Ranked ranked = ranking.rank(target, lease::check);
            report.add(new ReindexStep.Ranked(ranked.movies(), ranked.people(), ranked.rewritten(), ranked.outcome().stale(),
                    ranked.outcome().failures().size()));
            VerificationGate.Verdict verdict = gate.verify(target, expected, live, tolerance.orElse(properties.countTolerance()));
            if (!verdict.passed()) {
                restoreMirror(state);
                states.write(state.withoutCandidate());
                report.add(new ReindexStep.GateFailed(target, verdict.failures(), true));
                return report.target(target).succeeded(false);
            }
            report.add(new ReindexStep.GatePassed(target, verdict.actual(), verdict.expected()));
            if (flip) {
                flipTo(state, target, window, lease, report);
            }
            else {
                report.add(new ReindexStep.KeptInStep(target));
            }
            report.add(new ReindexStep.Took(Duration.between(started, clock.instant())));
            return report.target(target).succeeded(true);
        }
    }

    /** Makes the built candidate live, after catching it up and verifying it again. */
    public Report flip(Optional<Long> tolerance) {
        IndexState state = states.read();
        Report report = new Report();
        if (state.candidate() == null) {
            report.add(new ReindexStep.NothingToFlip());
            return report.succeeded(false);
        }
        String candidate = state.candidate();
        try (Leases.Lease lease = leases.acquire("flip", candidate)) {
            Instant window = state.candidateSince().minus(properties.catchUpMargin());
            catchUp.apply(state.live(), candidate, window);
            String live = state.live();
            VerificationGate.Verdict verdict = gate.verify(candidate, () -> count(live), live, tolerance.orElse(properties.countTolerance()));
            if (!verdict.passed()) {
                report.add(new ReindexStep.GateFailed(candidate, verdict.failures(), false));
                return report.target(candidate).succeeded(false);
            }
            report.add(new ReindexStep.GatePassed(candidate, verdict.actual(), verdict.expected()));
            flipTo(state, candidate, window, lease, report);
            return report.target(candidate).succeeded(true);
        }
    }

    /** Moves both aliases back to the previous index, which the mirror alias kept current. */
    public Report rollback() {
        IndexState state = states.read();
        Report report = new Report();
        if (state.previous() == null || !exists(state.previous())) {
            report.add(new ReindexStep.NothingToRollBack(state.previous()));
            return report.succeeded(false);
        }
        String previous = state.previous();
        String live = state.live();
        try (Leases.Lease lease = leases.acquire("rollback", previous)) {
            Instant window = state.flippedAt().minus(properties.catchUpMargin());
            catchUp.apply(live, previous, window);
            lease.check();
            admin.flip(live, previous);
            states.write(new IndexState(IndexState.KIND, previous, live, clock.instant(), null, null, null));
            catchUp.apply(live, previous, window);
            report.add(new ReindexStep.RolledBack(previous, live));
            log.info("Rolled back from {} to {}", live, previous);
            return report.target(previous).succeeded(true);
        }
    }

    /** Deletes versions beyond the newest {@code keep}, never the live, previous or candidate index. */
    public Report prune(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("--keep must be at least 1");
        }
        Report report = new Report();
        try (Leases.Lease lease = leases.acquire("prune --keep " + keep, "-")) {
            IndexState state = states.read();
            List<MovieIndexAdmin.IndexInfo> newestFirst = new ArrayList<>(admin.indices());
            java.util.Collections.reverse(newestFirst);
            for (int i = 0; i < newestFirst.size(); i++) {
                MovieIndexAdmin.IndexInfo index = newestFirst.get(i);
                String role = role(index, state);
                if (i < keep || role != null) {
                    report.add(new ReindexStep.Kept(index.name(), role));
                    continue;
                }
                lease.check();
                admin.deleteIndex(index.name());
                report.add(new ReindexStep.Deleted(index.name()));
            }
            return report.succeeded(true);
        }
    }

    /** The indices, their roles and any operation in progress. */
    public Report status() {
        IndexState state = states.read();
        List<ReindexStep.IndexRow> rows = admin.indices().stream().map(index -> new ReindexStep.IndexRow(index, role(index, state))).toList();
        Optional<LeaseRecord> lease = leases.current();
        return new Report().add(new ReindexStep.Status(rows, admin.readIndex().orElse(null), admin.writeIndex().orElse(null),
                admin.mirrorIndex().orElse(null), state.flippedAt(), state.previous(), lease.orElse(null),
                lease.isPresent() && lease.get().expiredAt(clock.instant()))).succeeded(true);
    }

    private LongSupplier fill(Source source, String live, String target, Instant window, Leases.Lease lease, Report report) {
        if (source == Source.INDEX) {
            IndexCopy.Copied copied = copy.copy(live, target, lease::check);
            report.add(new ReindexStep.Copied(live, target, copied.read(), copied.outcome().stale(), copied.outcome().failures().size(),
                    copied.renamed()));
            if (!copied.outcome().failures().isEmpty() || copied.renamed() > 0) {
                throw new IllegalStateException("Copy into " + target + " incomplete: " + copied.outcome().failures().size() + " failed, "
                        + copied.renamed() + " would change id (rebuild with --from s3)");
            }
            return () -> count(live);
        }
        S3Replay.Replayed replayed = replay.replay(target);
        report.add(new ReindexStep.Replayed(target, replayed.objects(), replayed.read(), count(live)));
        if (replayed.failures() > 0) {
            throw new IllegalStateException("Replay into " + target + " incomplete: " + replayed.failures() + " records or objects failed");
        }
        return () -> expectedAfterReplay(replayed.outcomes(), catchUp.changedSince(window));
    }

    /** How many movies S3 says are live: the replay's outcome, overridden by every newer change audited meanwhile. */
    static long expectedAfterReplay(Map<String, S3Replay.Outcome> replayed, Map<String, AuditEntry> changed) {
        Map<String, S3Replay.Outcome> merged = new HashMap<>(replayed);
        changed.forEach((id, entry) -> {
            long version = entry.version() == null ? Long.MAX_VALUE : entry.version();
            S3Replay.Outcome was = merged.get(id);
            if (was == null || version >= was.version()) {
                merged.put(id, new S3Replay.Outcome(version, !AuditEntry.Action.DELETE.value().equals(entry.action()), entry.provider()));
            }
        });
        return merged.values().stream().filter(S3Replay.Outcome::live).count();
    }

    private void flipTo(IndexState state, String target, Instant window, Leases.Lease lease, Report report) {
        lease.check();
        String live = state.live();
        admin.flip(live, target);
        states.write(state.flippedTo(target, clock.instant()));
        // A batch that wrote to the old index just before the flip, without the mirror, is carried over now.
        catchUp.apply(live, target, window);
        report.add(new ReindexStep.Flipped(live, target));
    }

    private void cleanUp(LeaseRecord abandoned, Report report) {
        IndexState state = states.read();
        String target = abandoned.target();
        boolean builtByIt = abandoned.operation().startsWith("reindex");
        if (builtByIt && exists(target) && !target.equals(state.live()) && !target.equals(state.previous())) {
            admin.deleteIndex(target);
            report.add(new ReindexStep.CleanedUp(target, abandoned.owner(), abandoned.expiresAt()));
        }
        if (target.equals(state.candidate())) {
            restoreMirror(state);
            states.write(state.withoutCandidate());
        }
    }

    /** Gives the mirror alias back to the rollback target, or removes it when there is none. */
    private void restoreMirror(IndexState state) {
        if (state.previous() != null && exists(state.previous())) {
            admin.attachMirror(state.previous());
        }
        else {
            admin.detachMirror();
        }
    }

    private String role(MovieIndexAdmin.IndexInfo index, IndexState state) {
        if (index.name().equals(state.live()) || index.aliases().contains(names.readAlias()) || index.aliases().contains(names.writeAlias())) {
            return "live";
        }
        if (index.name().equals(state.candidate())) {
            return "candidate";
        }
        if (index.name().equals(state.previous())) {
            return "previous (rollback target)";
        }
        return index.aliases().isEmpty() ? null : "aliased";
    }

    private boolean exists(String index) {
        return Calls.io("checking " + index, () -> client.indices().exists(e -> e.index(index)).value());
    }

    private long count(String index) {
        return Calls.io("counting " + index, () -> client.count(c -> c.index(index)).count());
    }

    /** What a command did, step by step, whether it succeeded, and the index it built or moved the aliases to. */
    public static final class Report {

        private final List<ReindexStep> steps = new ArrayList<>();
        private boolean succeeded;
        private String target;

        Report add(ReindexStep step) {
            steps.add(step);
            return this;
        }

        Report succeeded(boolean value) {
            this.succeeded = value;
            return this;
        }

        Report target(String index) {
            this.target = index;
            return this;
        }

        public boolean succeeded() {
            return succeeded;
        }

        public Optional<String> target() {
            return Optional.ofNullable(target);
        }

        /** The failures of the verification gate, when it ran and failed. */
        public List<String> gateFailures() {
            return steps.stream().filter(ReindexStep.GateFailed.class::isInstance).map(ReindexStep.GateFailed.class::cast)
                    .flatMap(failed -> failed.failures().stream()).toList();
        }

        public List<ReindexStep> steps() {
            return List.copyOf(steps);
        }
    }
}
