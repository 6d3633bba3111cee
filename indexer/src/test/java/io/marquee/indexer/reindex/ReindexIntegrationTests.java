package io.marquee.indexer.reindex;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.indexer.PipelineTestSupport;
import io.marquee.indexer.audit.Ownership;
import io.marquee.indexer.index.BulkProperties;
import io.marquee.indexer.index.PitScan;
import io.marquee.indexer.load.MovieLoader;
import io.marquee.indexer.pipeline.PipelineProperties;
import io.marquee.indexer.pipeline.ProviderProperties;
import io.marquee.indexer.pipeline.QueueConsumer;
import io.marquee.indexer.prominence.CatalogueRanking;
import io.marquee.schema.IndexNames;
import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieIds;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.localservers.aws.LocalAws;
import io.marquee.localservers.aws.ProviderUploads;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static io.marquee.indexer.PipelineTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reindexing against a real Elasticsearch, S3 and SQS: rebuilding from S3 and from the live index, the atomic
 * flip, the gate, the lease, rollback, prune, and writes arriving while an index is being built.
 */
@SpringBootTest
@ElasticsearchTest
@DirtiesContext
class ReindexIntegrationTests {

    private static final LocalAws AWS = PipelineTestSupport.startAws(new LocalAws.Names("reindex", "reindex", "reindex-dlq", 10, 3));
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PipelineTestSupport.register(registry, ReindexIntegrationTests.class, AWS);
        registry.add("marquee.indexer.reindex.lease-duration", () -> "3s");
        registry.add("marquee.indexer.reindex.green-timeout", () -> "10s");
    }

    @AfterAll
    static void stopAws() {
        AWS.close();
    }

    private final Reindexer reindexer;
    private final QueueConsumer consumer;
    private final MovieIndexAdmin admin;
    private final IndexNames names;
    private final ElasticsearchClient elasticsearch;
    private final MovieLoader loader;
    private final ReindexProperties properties;
    private final BulkProperties bulk;
    private final ProviderProperties providers;
    private final PipelineProperties pipeline;
    private final Ownership ownership;
    private final ProviderUploads provider = ProviderUploads.to(AWS);
    private final SqsClient sqs = AWS.sqsClient();

    ReindexIntegrationTests(Reindexer reindexer, QueueConsumer consumer, MovieIndexAdmin admin, ElasticsearchClient elasticsearch,
            MovieLoader loader, ReindexProperties properties, BulkProperties bulk, ProviderProperties providers, PipelineProperties pipeline,
            Ownership ownership) {
        this.ownership = ownership;
        this.providers = providers;
        this.pipeline = pipeline;
        this.reindexer = reindexer;
        this.consumer = consumer;
        this.admin = admin;
        this.names = admin.names();
        this.elasticsearch = elasticsearch;
        this.loader = loader;
        this.properties = properties;
        this.bulk = bulk;
    }

    @BeforeEach
    void freshDeploymentWithRunningConsumer() {
        consumer.stop();
        sqs.purgeQueue(p -> p.queueUrl(AWS.queueUrl()));
        AWS.s3Client().listObjectsV2Paginator(r -> r.bucket(AWS.names().bucket())).contents()
                .forEach(o -> AWS.s3Client().deleteObject(d -> d.bucket(AWS.names().bucket()).key(o.key())));
        TestIndices.onSharedCluster(admin.names().prefix()).deleteAll();
        admin.bootstrap();
        consumer.start();
    }

    @Test
    void rebuildsFromS3AndFlipsBothAliasesAtOnce() throws IOException {
        deliverCatalogue(30);
        PipelineTestSupport.nextSecond();
        provider.deliver("incoming/wikipedia/removals.ndjson", "{\"id\": \"" + id(7) + "\", \"deleted\": true}\n");
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 29);
        MovieDocument before = get(names.readAlias(), id(3)).source();
        long versionBefore = get(names.readAlias(), id(3)).version();

        Reindexer.Report report = reindexer.reindex(Reindexer.Source.S3, true, false, Optional.empty());

        assertThat(report.succeeded()).as(report.steps().toString()).isTrue();
        assertThat(admin.readIndex()).contains(names.versionedIndex(2));
        assertThat(admin.writeIndex()).contains(names.versionedIndex(2));
        assertThat(admin.mirrorIndex()).contains(names.versionedIndex(1));
        assertThat(count(names.versionedIndex(2))).isEqualTo(29);
        assertThat(get(names.versionedIndex(2), id(7)).found()).as("a deleted movie stays deleted").isFalse();
        GetResponse<MovieDocument> after = get(names.versionedIndex(2), id(3));
        assertThat(after.source().facts()).isEqualTo(before.facts());
        assertThat(after.source().ingestedAt()).isEqualTo(before.ingestedAt());
        assertThat(after.version()).as("the replay versions records as the consumer did").isEqualTo(versionBefore);
        assertThat(report.steps()).anyMatch(ReindexStep.Flipped.class::isInstance);
    }

    @Test
    void aDeletedMovieStaysDeletedAfterAFlipWhenAnOldDeliveryIsReplayed() throws IOException {
        String catalogue = deliverCatalogue(10);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 10);
        PipelineTestSupport.nextSecond();
        provider.deliver("incoming/wikipedia/removals.ndjson", "{\"id\": \"" + id(4) + "\", \"deleted\": true}\n");
        await("the movie deleted", PATIENCE, () -> count(names.readAlias()) == 9);

        Reindexer.Report report = reindexer.reindex(Reindexer.Source.INDEX, true, false, Optional.empty());
        assertThat(report.succeeded()).as(report.steps().toString()).isTrue();
        assertThat(report.steps()).contains(new ReindexStep.TombstonesCarried(1, "30d"));

        // The old delivery replayed after the flip (a dead letter put back): the new index remembers the delete too.
        int handled = consumer.processed();
        provider.send(catalogue);
        await("the replayed delivery handled", PATIENCE, () -> consumer.processed() > handled);
        assertThat(get(names.readAlias(), id(4)).found()).isFalse();
        assertThat(count(names.readAlias())).isEqualTo(9);
    }

    @Test
    void copiesFromTheLiveIndexWithTheirVersions() throws IOException {
        deliverCatalogue(25);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 25);
        long versionBefore = get(names.readAlias(), id(11)).version();

        Reindexer.Report report = reindexer.reindex(Reindexer.Source.INDEX, true, false, Optional.empty());

        assertThat(report.succeeded()).as(report.steps().toString()).isTrue();
        assertThat(admin.readIndex()).contains(names.versionedIndex(2));
        assertThat(count(names.versionedIndex(2))).isEqualTo(25);
        GetResponse<MovieDocument> copied = get(names.versionedIndex(2), id(11));
        assertThat(copied.version()).isEqualTo(versionBefore);
        assertThat(copied.source()).isEqualTo(get(names.versionedIndex(1), id(11)).source());
    }

    @Test
    void withoutFlipTheCandidateIsKeptInStepUntilFlipped() throws IOException {
        deliverCatalogue(10);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 10);

        Reindexer.Report built = reindexer.reindex(Reindexer.Source.INDEX, false, false, Optional.empty());
        assertThat(built.succeeded()).as(built.steps().toString()).isTrue();
        assertThat(admin.readIndex()).contains(names.versionedIndex(1));
        assertThat(admin.mirrorIndex()).contains(names.versionedIndex(2));

        PipelineTestSupport.nextSecond();
        provider.deliver("incoming/wikipedia/late.json", movie(100, "Late Arrival"));
        String late = MovieIds.of("Late Arrival", 2000, "Movie_100");
        await("the late movie in the candidate", PATIENCE, () -> get(names.versionedIndex(2), late).found());

        Reindexer.Report flipped = reindexer.flip(Optional.empty());
        assertThat(flipped.succeeded()).as(flipped.steps().toString()).isTrue();
        assertThat(flipped.steps()).contains(new ReindexStep.GatePassed(names.versionedIndex(2), 11, 11));
        assertThat(admin.readIndex()).contains(names.versionedIndex(2));
        assertThat(count(names.readAlias())).isEqualTo(11);
    }

    @Test
    void aFailedGateLeavesTheAliasesAsTheyWere() throws IOException {
        deliverCatalogue(5);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 5);
        // A movie loaded from a local file is in the live index but not in S3, the source of truth.
        java.nio.file.Path local = java.nio.file.Files.createTempFile("local", ".json");
        java.nio.file.Files.writeString(local, movie(50, "Only Local"));
        loader.load(List.of(io.marquee.indexer.ingest.LocalMovieFiles.at(local).get(0)), "local");

        // Looking back no further than the build itself, so the catch-up does not carry the local movie over.
        Reindexer strict = reindexerWith(new ReindexProperties(properties.leaseDuration(), 0, 20, List.of(), Duration.ZERO,
                properties.greenTimeout(), properties.pageSize(), properties.pointInTime()));
        Reindexer.Report report = strict.reindex(Reindexer.Source.S3, true, false, Optional.empty());

        assertThat(report.succeeded()).isFalse();
        assertThat(report.gateFailures()).anyMatch(f -> f.contains("does not find " + MovieIds.of("Only Local", 2000, "Movie_50")));
        assertThat(admin.readIndex()).contains(names.versionedIndex(1));
        assertThat(admin.writeIndex()).contains(names.versionedIndex(1));
        assertThat(admin.mirrorIndex()).isEmpty();
        assertThat(admin.indices()).extracting(MovieIndexAdmin.IndexInfo::name).contains(names.versionedIndex(2));
        assertThat(report.steps()).anyMatch(ReindexStep.GateFailed.class::isInstance);
    }

    @Test
    void aSecondOperationIsRefusedWhileTheLeaseIsHeld() {
        Leases leases = new Leases(elasticsearch, names, "someone-else", Clock.systemUTC(), properties);
        try (Leases.Lease held = leases.acquire("reindex --from s3", names.versionedIndex(2))) {
            assertThatThrownBy(() -> reindexer.reindex(Reindexer.Source.INDEX, true, false, Optional.empty()))
                    .isInstanceOf(LeaseHeldException.class)
                    .hasMessageContaining("reindex --from s3").hasMessageContaining("someone-else");
            assertThatThrownBy(() -> reindexer.prune(1)).isInstanceOf(LeaseHeldException.class);
            assertThat(reindexer.status().steps()).singleElement().isInstanceOfSatisfying(ReindexStep.Status.class, status -> {
                assertThat(status.lease().operation()).isEqualTo("reindex --from s3");
                assertThat(status.leaseExpired()).isFalse();
            });
        }
        assertThat(admin.indices()).hasSize(1);
    }

    @Test
    void anAbandonedReindexIsCleanedUpWhenItsLeaseExpires() throws IOException {
        deliverCatalogue(5);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 5);
        // A reindex that died: its half-built index and its lease, expired.
        admin.createIndex(names.versionedIndex(2));
        elasticsearch.index(i -> i.index(names.controlIndex()).id(LeaseRecord.ID).refresh(Refresh.True)
                .document(new LeaseRecord(LeaseRecord.KIND, "crashed-indexer", "reindex --from s3", names.versionedIndex(2),
                        Instant.now().minusSeconds(120), Instant.now().minusSeconds(60))));
        assertThat(reindexer.status().steps()).singleElement().isInstanceOfSatisfying(ReindexStep.Status.class, status -> {
            assertThat(status.lease().operation()).isEqualTo("reindex --from s3");
            assertThat(status.leaseExpired()).isTrue();
        });

        Reindexer.Report report = reindexer.reindex(Reindexer.Source.INDEX, true, false, Optional.empty());

        assertThat(report.succeeded()).as(report.steps().toString()).isTrue();
        assertThat(report.steps()).anyMatch(step -> step instanceof ReindexStep.CleanedUp cleaned && cleaned.index().equals(names.versionedIndex(2)));
        assertThat(admin.readIndex()).contains(names.versionedIndex(3));
        assertThat(admin.indices()).extracting(MovieIndexAdmin.IndexInfo::name)
                .containsExactly(names.versionedIndex(1), names.versionedIndex(3));
        assertThat(reindexer.status().steps()).singleElement().isInstanceOfSatisfying(ReindexStep.Status.class,
                status -> assertThat(status.lease()).isNull());
    }

    @Test
    void rollbackReturnsToThePreviousIndexWithEveryWriteSinceTheFlip() throws IOException {
        deliverCatalogue(10);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 10);
        assertThat(reindexer.reindex(Reindexer.Source.INDEX, true, false, Optional.empty()).succeeded()).isTrue();

        PipelineTestSupport.nextSecond();
        provider.deliver("incoming/wikipedia/after-flip.ndjson", movie(2, "Renamed Two").replace("\n", "") + "\n"
                + "{\"id\": \"" + id(4) + "\", \"deleted\": true}\n" + movie(60, "Brand New").replace("\n", "") + "\n");
        String brandNew = MovieIds.of("Brand New", 2000, "Movie_60");
        await("the changes live in v2", PATIENCE, () -> !get(names.readAlias(), id(4)).found() && get(names.readAlias(), brandNew).found());

        Reindexer.Report report = reindexer.rollback();

        assertThat(report.succeeded()).as(report.steps().toString()).isTrue();
        assertThat(admin.readIndex()).contains(names.versionedIndex(1));
        assertThat(admin.writeIndex()).contains(names.versionedIndex(1));
        assertThat(admin.mirrorIndex()).contains(names.versionedIndex(2));
        assertThat(get(names.readAlias(), id(4)).found()).isFalse();
        assertThat(get(names.readAlias(), brandNew).found()).isTrue();
        assertThat(get(names.readAlias(), MovieIds.of("Renamed Two", 2000, "Movie_2")).found()).isTrue();

        assertThat(reindexer.rollback().succeeded()).isTrue();
        assertThat(admin.readIndex()).as("rolling back twice rolls forward").contains(names.versionedIndex(2));
    }

    @Test
    void pruneKeepsTheNewestAndEveryIndexInUse() throws IOException {
        deliverCatalogue(3);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 3);
        for (int i = 0; i < 3; i++) {
            assertThat(reindexer.reindex(Reindexer.Source.INDEX, true, false, Optional.empty()).succeeded()).isTrue();
        }

        Reindexer.Report report = reindexer.prune(1);

        assertThat(report.steps()).containsExactly(new ReindexStep.Kept(names.versionedIndex(4), "live"),
                new ReindexStep.Kept(names.versionedIndex(3), "previous (rollback target)"), new ReindexStep.Deleted(names.versionedIndex(2)),
                new ReindexStep.Deleted(names.versionedIndex(1)));
        assertThat(admin.indices()).extracting(MovieIndexAdmin.IndexInfo::name)
                .containsExactly(names.versionedIndex(3), names.versionedIndex(4));
        assertThat(reindexer.rollback().succeeded()).isTrue();
    }

    @Test
    void aDryRunChangesNothing() throws IOException {
        deliverCatalogue(3);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 3);

        Reindexer.Report report = reindexer.reindex(Reindexer.Source.S3, true, true, Optional.empty());

        assertThat(report.steps()).singleElement().isInstanceOfSatisfying(ReindexStep.DryRun.class, dry -> {
            assertThat(dry.live()).isEqualTo(names.versionedIndex(1));
            assertThat(dry.liveMovies()).isEqualTo(3);
            assertThat(dry.s3Objects()).isEqualTo(1);
        });
        assertThat(admin.indices()).hasSize(1);
    }

    @Test
    void statusShowsIndicesAndTheirRoles() throws IOException {
        deliverCatalogue(4);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 4);
        assertThat(reindexer.reindex(Reindexer.Source.INDEX, true, false, Optional.empty()).succeeded()).isTrue();

        ReindexStep.Status status = (ReindexStep.Status) reindexer.status().steps().get(0);

        assertThat(status.indices()).extracting(row -> row.info().name(), row -> row.info().documents(), ReindexStep.IndexRow::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(names.versionedIndex(1), 4L, "previous (rollback target)"),
                        org.assertj.core.groups.Tuple.tuple(names.versionedIndex(2), 4L, "live"));
        assertThat(List.of(status.readIndex(), status.writeIndex(), status.mirrorIndex()))
                .containsExactly(names.versionedIndex(2), names.versionedIndex(2), names.versionedIndex(1));
    }

    @Test
    void catchUpCarriesChangesThatMissedTheMirror() throws IOException {
        deliverCatalogue(6);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 6);
        String candidate = names.versionedIndex(2);
        admin.createIndex(candidate);
        PitScan scan = new PitScan(elasticsearch, properties.pageSize(), properties.pointInTime());
        new IndexCopy(elasticsearch, bulk, scan).copy(names.versionedIndex(1), candidate, () -> {
        });
        Instant since = Instant.now();
        PipelineTestSupport.nextSecond();
        // No mirror alias: these reach the live index only, as from a batch that looked just before the mirror appeared.
        provider.deliver("incoming/wikipedia/missed.ndjson", movie(1, "Changed One").replace("\n", "") + "\n"
                + "{\"id\": \"" + id(5) + "\", \"deleted\": true}\n");
        await("the changes live", PATIENCE, () -> !get(names.readAlias(), id(5)).found());
        assertThat(get(candidate, id(5)).found()).isTrue();

        CatchUp.Caught caught = new CatchUp(elasticsearch, names, bulk, scan).apply(names.versionedIndex(1), candidate, since);

        assertThat(caught.changed()).isEqualTo(2);
        assertThat(get(candidate, id(5)).found()).isFalse();
        assertThat(get(candidate, MovieIds.of("Changed One", 2000, "Movie_1")).found()).isTrue();
    }

    @Test
    void noUpdateOrDeleteIsLostWhileAnIndexIsBuilt() throws Exception {
        deliverCatalogue(4000);
        await("the catalogue indexed", PATIENCE, () -> count(names.readAlias()) == 4000);
        PipelineTestSupport.nextSecond();

        CompletableFuture<Reindexer.Report> rebuild = CompletableFuture.supplyAsync(
                () -> reindexer.reindex(Reindexer.Source.INDEX, true, false, Optional.empty()));
        List<Integer> updated = new ArrayList<>();
        List<Integer> deleted = new ArrayList<>();
        for (int round = 0; !rebuild.isDone() || round < 3; round++) {
            int update = 10 + round * 2;
            int delete = 11 + round * 2;
            provider.deliver("incoming/wikipedia/during-" + round + ".ndjson", movie(update, "Title " + update).replace("\"Cast " + update + "\"",
                    "\"Cast " + update + "\", \"Extra " + update + "\"").replace("\n", "") + "\n" + "{\"id\": \"" + id(delete) + "\", \"deleted\": true}\n");
            updated.add(update);
            deleted.add(delete);
            Thread.sleep(300);
        }
        Reindexer.Report report = rebuild.get();

        assertThat(report.succeeded()).as(report.steps().toString()).isTrue();
        assertThat(admin.readIndex()).contains(names.versionedIndex(2));
        await("the pipeline drained", PATIENCE, () -> LocalAws.queueDepth(sqs, AWS.queueUrl()) == 0
                && updated.stream().allMatch(n -> castOf(n).contains("Extra " + n)));
        await("every delete visible", PATIENCE, () -> deleted.stream().noneMatch(n -> get(names.readAlias(), id(n)).found()));
        assertThat(count(names.readAlias())).isEqualTo(4000 - deleted.size());
        assertThat(count(names.versionedIndex(1))).as("the previous index missed nothing either").isEqualTo(4000 - deleted.size());
    }

    private Reindexer reindexerWith(ReindexProperties custom) {
        PitScan scan = new PitScan(elasticsearch, custom.pageSize(), custom.pointInTime());
        return new Reindexer(elasticsearch, admin, new Leases(elasticsearch, names, "strict", Clock.systemUTC(), custom),
                new IndexStates(elasticsearch, admin), new IndexCopy(elasticsearch, bulk, scan),
                new S3Replay(AWS.s3Client(), loader, providers, pipeline, ownership), new CatchUp(elasticsearch, names, bulk, scan),
                new CatalogueRanking(elasticsearch, bulk, scan, Clock.systemUTC()), new VerificationGate(elasticsearch, custom), custom,
                Clock.systemUTC());
    }

    private List<String> castOf(int n) {
        GetResponse<MovieDocument> response = get(names.readAlias(), id(n));
        return response.found() ? response.source().cast() : List.of();
    }

    /** Delivers movies 0 to {@code size - 1}; returns the delivery's event. */
    private String deliverCatalogue(int size) {
        String movies = IntStream.range(0, size).mapToObj(n -> movie(n, "Title " + n)).collect(Collectors.joining(",", "[", "]"));
        return provider.deliver("incoming/wikipedia/catalogue.json", movies);
    }

    private static String movie(int n, String title) {
        return "{\"title\": \"" + title + "\", \"year\": 2000, \"cast\": [\"Cast " + n + "\"], \"genres\": [\"Drama\"], \"href\": \"Movie_" + n
                + "\"}\n";
    }

    private static String id(int n) {
        return MovieIds.of("Title " + n, 2000, "Movie_" + n);
    }

    private long count(String index) {
        try {
            elasticsearch.indices().refresh(r -> r.index(index));
            return elasticsearch.count(c -> c.index(index)).count();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private GetResponse<MovieDocument> get(String index, String id) {
        try {
            return elasticsearch.get(g -> g.index(index).id(id), MovieDocument.class);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

}
