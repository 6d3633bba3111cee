package io.marquee.indexer.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.indexer.PipelineTestSupport;
import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieIds;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.localservers.aws.LocalAws;
import io.marquee.localservers.aws.ProviderUploads;
import io.marquee.localservers.aws.S3EventNotifications;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static io.marquee.indexer.PipelineTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write side end to end, with the real AWS SDK clients against S3Proxy and ElasticMQ and a real
 * Elasticsearch: provider upload → S3 event on SQS → consumer → index or quarantine.
 */
@SpringBootTest
@ElasticsearchTest
// The consumer must stop with this class: its queues go away with it.
@DirtiesContext
class PipelineIntegrationTests {

    private static final LocalAws AWS = PipelineTestSupport.startAws(new LocalAws.Names("ingest", "ingest", "ingest-dlq", 10, 3));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HEAT = "{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Al Pacino\"], \"genres\": [\"Crime\"], \"href\": \"Heat\"}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PipelineTestSupport.register(registry, PipelineIntegrationTests.class, AWS);
        // The configured three, and an editorial desk trusted to correct anyone's movies (a list is bound from one
        // source whole, so all four are given here).
        String[][] providers = {{"wikipedia", "json,ndjson", "false"}, {"api", "json", "false"}, {"kaggle", "zip", "false"},
            {"editors", "json", "true"}};
        for (int i = 0; i < providers.length; i++) {
            String[] provider = providers[i];
            registry.add("marquee.indexer.providers[" + i + "].id", () -> provider[0]);
            registry.add("marquee.indexer.providers[" + i + "].display-name", () -> provider[0]);
            registry.add("marquee.indexer.providers[" + i + "].formats", () -> provider[1]);
            registry.add("marquee.indexer.providers[" + i + "].trusted", () -> provider[2]);
        }
    }

    @AfterAll
    static void stopAws() {
        AWS.close();
    }

    private final QueueConsumer consumer;
    private final DeadLetters deadLetters;
    private final MovieIndexAdmin admin;
    private final ElasticsearchClient elasticsearch;
    private final ProviderUploads provider = ProviderUploads.to(AWS);
    private final S3Client s3 = AWS.s3Client();
    private final SqsClient sqs = AWS.sqsClient();

    PipelineIntegrationTests(QueueConsumer consumer, MovieIndexAdmin admin, ElasticsearchClient elasticsearch, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.consumer = consumer;
        this.admin = admin;
        this.elasticsearch = elasticsearch;
    }

    @BeforeEach
    void freshIndexEmptyQueuesAndRunningConsumer() {
        consumer.stop();
        sqs.purgeQueue(p -> p.queueUrl(AWS.queueUrl()));
        sqs.purgeQueue(p -> p.queueUrl(AWS.deadLetterQueueUrl()));
        TestIndices.onSharedCluster(admin.names().prefix()).deleteAll();
        admin.bootstrap();
        consumer.start();
    }

    @Test
    void anUploadedFileBecomesSearchable() throws IOException {
        provider.deliver("incoming/wikipedia/2024/first delivery.json", "[" + HEAT + ", {\"title\": \"Ronin\", \"year\": 1998}]");

        await("two movies indexed", PATIENCE, () -> count() == 2);
        MovieDocument heat = get(MovieIds.of("Heat", 1995, "Heat"));
        assertThat(heat.provider()).isEqualTo("wikipedia");
        assertThat(heat.source().bucket()).isEqualTo("ingest");
        assertThat(heat.source().key()).isEqualTo("incoming/wikipedia/2024/first delivery.json");
        assertThat(heat.source().etag()).isNotBlank();
        assertThat(heat.source().sequencer()).isNotBlank();
        assertThat(heat.source().position()).isEqualTo(1);
    }

    @Test
    void aDuplicateDeliveryChangesNothing() throws IOException {
        String event = provider.deliver("incoming/wikipedia/dup.json", HEAT);
        await("the movie indexed", PATIENCE, () -> count() == 1);
        MovieDocument first = get(MovieIds.of("Heat", 1995, "Heat"));
        int handled = consumer.processed();

        provider.send(event);
        provider.send(event);

        await("both duplicates handled", PATIENCE, () -> consumer.processed() >= handled + 2);
        assertThat(count()).isEqualTo(1);
        assertThat(get(MovieIds.of("Heat", 1995, "Heat"))).isEqualTo(first);
    }

    @Test
    void anOlderDeliveryNeverOverwritesANewerOne() throws IOException {
        var older = provider.put("incoming/wikipedia/old.json", software.amazon.awssdk.core.sync.RequestBody.fromString(HEAT));
        PipelineTestSupport.nextSecond();
        String newer = HEAT.replace("[\"Al Pacino\"]", "[\"Al Pacino\", \"Robert De Niro\"]");
        var newerPut = provider.put("incoming/wikipedia/new.json", software.amazon.awssdk.core.sync.RequestBody.fromString(newer));

        provider.announce("incoming/wikipedia/new.json", newer.length(), newerPut.eTag(), null);
        await("the newer version indexed", PATIENCE, () -> count() == 1);
        int handled = consumer.processed();
        provider.announce("incoming/wikipedia/old.json", HEAT.length(), older.eTag(), null);
        await("the older delivery handled", PATIENCE, () -> consumer.processed() > handled);

        assertThat(get(MovieIds.of("Heat", 1995, "Heat")).cast()).containsExactly("Al Pacino", "Robert De Niro");
    }

    @Test
    void aDeleteRecordRemovesTheMovie() throws IOException {
        provider.deliver("incoming/wikipedia/heat.json", HEAT);
        await("the movie indexed", PATIENCE, () -> count() == 1);
        PipelineTestSupport.nextSecond();

        provider.deliver("incoming/wikipedia/deletions.ndjson", "{\"title\": \"Heat\", \"year\": 1995, \"href\": \"Heat\", \"deleted\": true}\n"
                + "{\"id\": \"" + MovieIds.of("Ronin", 1998, null) + "\", \"deleted\": true}\n");

        await("the movie deleted", PATIENCE, () -> count() == 0);
    }

    @Test
    void auditsCreateUpdateAndDeleteButNotARepeat() throws IOException {
        String id = MovieIds.of("Heat", 1995, "Heat");
        provider.deliver("incoming/wikipedia/audit-1.json", HEAT);
        await("created", PATIENCE, () -> count() == 1);
        PipelineTestSupport.nextSecond();
        provider.deliver("incoming/wikipedia/audit-2.json", HEAT.replace("[\"Crime\"]", "[\"Crime\", \"Thriller\"]")
                .replace("[\"Al Pacino\"]", "[\"Al Pacino\", \"Val Kilmer\"]"));
        await("updated", PATIENCE, () -> audit(id).size() == 2);
        PipelineTestSupport.nextSecond();
        int handled = consumer.processed();
        provider.deliver("incoming/wikipedia/audit-3.json", HEAT.replace("[\"Crime\"]", "[\"Crime\", \"Thriller\"]")
                .replace("[\"Al Pacino\"]", "[\"Al Pacino\", \"Val Kilmer\"]"));
        await("the identical delivery handled", PATIENCE, () -> consumer.processed() > handled);
        PipelineTestSupport.nextSecond();
        provider.deliver("incoming/wikipedia/audit-4.ndjson", "{\"id\": \"" + id + "\", \"deleted\": true}\n");
        await("deleted", PATIENCE, () -> count() == 0);

        List<JsonNode> trail = audit(id);
        assertThat(trail).extracting(e -> e.get("action").asText()).containsExactly("create", "update", "delete");
        assertThat(trail.get(1).get("changedFields")).extracting(JsonNode::asText).containsExactly("cast", "genres");
        assertThat(trail.get(1).get("key").asText()).isEqualTo("incoming/wikipedia/audit-2.json");
        assertThat(trail.get(1).get("provider").asText()).isEqualTo("wikipedia");
        assertThat(trail.get(1).get("etag").asText()).isNotBlank();
        assertThat(trail.get(1).get("sequencer").asText()).isNotBlank();
        assertThat(trail.get(1).get("indexer").asText()).isNotBlank();
        assertThat(trail.get(2).get("key").asText()).isEqualTo("incoming/wikipedia/audit-4.ndjson");
    }

    @Test
    void aRemovedObjectDeletesNoMovie() throws IOException {
        provider.deliver("incoming/wikipedia/kept.json", HEAT);
        await("the movie indexed", PATIENCE, () -> count() == 1);
        int handled = consumer.processed();
        s3.deleteObject(d -> d.bucket("ingest").key("incoming/wikipedia/kept.json"));

        provider.send(S3EventNotifications.objectRemoved("us-east-1", "ingest", "incoming/wikipedia/kept.json", null));

        await("the removal handled", PATIENCE, () -> consumer.processed() > handled);
        assertThat(count()).isEqualTo(1);
        JsonNode removal = auditOfObject("incoming/wikipedia/kept.json");
        assertThat(removal.get("action").asText()).isEqualTo("object-removed");
        assertThat(removal.get("provider").asText()).isEqualTo("wikipedia");
        assertThat(removal.has("movieId")).isFalse();
    }

    @Test
    void badRecordsGoToQuarantineAndTheRestIsIndexed() throws IOException {
        provider.deliver("incoming/wikipedia/mixed.json", """
                [{"title": "Good One", "year": 2001},
                 {"title": "", "year": 2001},
                 {"title": "Too Early", "year": 1850},
                 {"title": "Good Two", "year": 2002}]""");

        await("the good records indexed", PATIENCE, () -> count() == 2);
        await("the quarantine record", PATIENCE, () -> exists("quarantine/wikipedia/mixed.json.errors.ndjson"));
        List<JsonNode> quarantined = quarantine("quarantine/wikipedia/mixed.json.errors.ndjson");
        assertThat(quarantined).extracting(q -> q.get("position").asLong()).containsExactly(2L, 3L);
        assertThat(quarantined).extracting(q -> q.get("reason").asText()).containsExactly("title is blank", "year 1850 is outside 1870–2100");
        assertThat(quarantined.get(1).get("record").get("title").asText()).isEqualTo("Too Early");
        assertThat(quarantined.get(1).get("source").get("key").asText()).isEqualTo("incoming/wikipedia/mixed.json");
    }

    @Test
    void aMalformedFileIsQuarantinedWithItsReason() throws IOException {
        provider.deliver("incoming/wikipedia/broken.ndjson", HEAT + "\n{\"title\": \"Cut\", \"year\": \n");
        provider.deliver("incoming/wikipedia/garbage.json", "this is not json");

        await("the readable record indexed", PATIENCE, () -> count() == 1);
        await("both quarantine records written", PATIENCE, () -> exists("quarantine/wikipedia/garbage.json.errors.ndjson")
                && exists("quarantine/wikipedia/broken.ndjson.errors.ndjson"));
        assertThat(quarantine("quarantine/wikipedia/broken.ndjson.errors.ndjson")).singleElement()
                .satisfies(q -> {
                    assertThat(q.get("position").asLong()).isEqualTo(2);
                    assertThat(q.get("line").asLong()).isEqualTo(2);
                    assertThat(q.get("reason").asText()).startsWith("malformed JSON");
                });
        assertThat(quarantine("quarantine/wikipedia/garbage.json.errors.ndjson")).singleElement()
                .satisfies(q -> assertThat(q.get("reason").asText()).startsWith("not JSON"));
    }

    @Test
    void indexesAKaggleBundleAndQuarantinesABomb() throws IOException {
        Path bundle = zip(Map.of("movies_metadata.csv", fixture("movies_metadata.csv"), "credits.csv", fixture("credits.csv"),
                "ratings.csv", fixture("ratings.csv")));
        provider.deliver("incoming/kaggle/data.zip", bundle);

        await("the bundle's valid movies indexed", PATIENCE, () -> count() == 2);
        MovieDocument heat = get(MovieIds.of("Heat", 1995, "https://www.imdb.com/title/tt0113277"));
        assertThat(heat.provider()).isEqualTo("kaggle");
        assertThat(heat.cast()).containsExactly("Robert De Niro", "Al Pacino");
        assertThat(heat.rating()).isEqualTo(new MovieDocument.Rating(4.0, 3));
        await("the bundle's quarantine record", PATIENCE, () -> exists("quarantine/kaggle/data.zip.errors.ndjson"));
        assertThat(quarantine("quarantine/kaggle/data.zip.errors.ndjson")).extracting(q -> q.get("reason").asText())
                .containsExactly("title is missing", "year is missing");

        Map<String, String> bomb = new java.util.LinkedHashMap<>();
        bomb.put("movies_metadata.csv", fixture("movies_metadata.csv"));
        bomb.put("filler.csv", "0".repeat(30 * 1024 * 1024));
        provider.deliver("incoming/kaggle/bomb.zip", zip(bomb));
        await("the bomb quarantined", PATIENCE, () -> exists("quarantine/kaggle/bomb.zip.errors.ndjson"));
        assertThat(quarantine("quarantine/kaggle/bomb.zip.errors.ndjson")).singleElement()
                .satisfies(q -> assertThat(q.get("reason").asText()).contains("decompression bomb"));
        assertThat(count()).isEqualTo(2);
    }

    private static String fixture(String name) {
        try (var in = PipelineIntegrationTests.class.getResourceAsStream("/kaggle/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static Path zip(Map<String, String> entries) throws IOException {
        Path zip = java.nio.file.Files.createTempFile("bundle", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void aProviderMayNotChangeOrDeleteAnotherProvidersMovie() throws IOException {
        String id = MovieIds.of("Heat", 1995, "Heat");
        provider.deliver("incoming/wikipedia/owned.json", HEAT);
        await("the movie indexed", PATIENCE, () -> count() == 1);
        PipelineTestSupport.nextSecond();

        provider.deliver("incoming/api/overwrite.json", HEAT.replace("[\"Al Pacino\"]", "[\"Someone Else\"]"));
        provider.deliver("incoming/api/delete.json", "[{\"id\": \"" + id + "\", \"deleted\": true}]");

        String refusal = "movie " + id + " belongs to provider wikipedia; provider api may not change or delete it";
        await("the overwrite refused", PATIENCE, () -> exists("quarantine/api/overwrite.json.errors.ndjson"));
        assertThat(quarantine("quarantine/api/overwrite.json.errors.ndjson")).singleElement().satisfies(q -> {
            assertThat(q.get("reason").asText()).isEqualTo(refusal);
            assertThat(q.get("position").asLong()).isEqualTo(1);
        });
        await("the delete refused", PATIENCE, () -> exists("quarantine/api/delete.json.errors.ndjson"));
        assertThat(quarantine("quarantine/api/delete.json.errors.ndjson")).singleElement()
                .satisfies(q -> assertThat(q.get("reason").asText()).isEqualTo(refusal));
        MovieDocument heat = get(id);
        assertThat(heat.cast()).containsExactly("Al Pacino");
        assertThat(heat.provider()).isEqualTo("wikipedia");
        assertThat(audit(id)).extracting(e -> e.get("action").asText()).containsExactly("create");
    }

    @Test
    void aTrustedProviderCorrectsAnotherProvidersMovieWhichKeepsItsOwner() throws IOException {
        String id = MovieIds.of("Heat", 1995, "Heat");
        provider.deliver("incoming/wikipedia/owned.json", HEAT);
        await("the movie indexed", PATIENCE, () -> count() == 1);
        PipelineTestSupport.nextSecond();

        provider.deliver("incoming/editors/correction.json", HEAT.replace("[\"Al Pacino\"]", "[\"Al Pacino\", \"Robert De Niro\"]"));
        await("the correction applied", PATIENCE, () -> get(id).cast().size() == 2);
        assertThat(get(id).provider()).as("still the owner's").isEqualTo("wikipedia");
        assertThat(audit(id).get(1).get("provider").asText()).as("the audit names who changed it").isEqualTo("editors");

        // The owner's own later delivery still applies.
        PipelineTestSupport.nextSecond();
        provider.deliver("incoming/wikipedia/owned-again.json", HEAT.replace("[\"Crime\"]", "[\"Crime\", \"Thriller\"]"));
        await("the owner's update applied", PATIENCE, () -> get(id).genres().size() == 2);
    }

    @Test
    void aReplayedOldDeliveryCannotBringADeletedMovieBack() throws IOException {
        String added = provider.deliver("incoming/wikipedia/added.json", HEAT);
        await("the movie indexed", PATIENCE, () -> count() == 1);
        PipelineTestSupport.nextSecond();
        provider.deliver("incoming/wikipedia/removed.ndjson", "{\"id\": \"" + MovieIds.of("Heat", 1995, "Heat") + "\", \"deleted\": true}\n");
        await("the movie deleted", PATIENCE, () -> count() == 0);
        int handled = consumer.processed();

        // What 'indexer dlq replay' does with a dead letter of the old delivery: the same event, sent again.
        provider.send(added);

        await("the replayed event handled", PATIENCE, () -> consumer.processed() > handled);
        assertThat(count()).as("the delete's tombstone outranks the older add").isZero();
    }

    @Test
    void aBundleWhoseNamesOnceOverflowedTheStackIsIndexedAndTheWorkersCarryOn() throws IOException {
        // A genre name of 100,000 characters: the regular expression that once read these lists overflowed the stack
        // on it, which ended the worker and left the message invisible for good.
        String metadata = "id,title,release_date,genres,overview,imdb_id,poster_path,vote_average,vote_count\n"
                + "949,Heat,1995-12-15,\"[{'id': 80, 'name': 'Crime'}, {'id': 1, 'name': '" + "x".repeat(100_000) + "'}]\",Robbers.,tt0113277,,7.7,1886\n";
        provider.deliver("incoming/kaggle/long-names.zip", zip(Map.of("movies_metadata.csv", metadata)));
        provider.deliver("incoming/wikipedia/after-bundle.json", HEAT);

        await("both deliveries indexed", PATIENCE, () -> count() == 2);
        assertThat(get(MovieIds.of("Heat", 1995, "https://www.imdb.com/title/tt0113277")).genres()).containsExactly("Crime");
        assertThat(consumer.workersRunning()).isEqualTo(2);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void anEventWithAMalformedKeyEscapeGoesAsideAtOnceWithItsReason() throws IOException {
        var put = provider.put("incoming/wikipedia/100%.json", software.amazon.awssdk.core.sync.RequestBody.fromString(HEAT));
        // S3 would send "100%25.json"; a forged or corrupted event sends the '%' bare, which URL decoding refuses.
        provider.send(S3EventNotifications.objectCreated("us-east-1", "ingest", "incoming/wikipedia/100%.json", HEAT.length(), put.eTag(), null)
                .replace("100%25.json", "100%.json"));
        provider.deliver("incoming/wikipedia/after-bad-key.json", HEAT.replace("Heat", "Ronin"));

        await("the next delivery indexed", PATIENCE, () -> count() == 1);
        assertThat(awaitDeadLetters(1)).singleElement().satisfies(m -> assertThat(m.messageAttributes().get("marquee-reason").stringValue())
                .startsWith("an event record's key is not URL-encoded as S3 encodes keys"));
        assertThat(consumer.workersRunning()).isEqualTo(2);
    }

    @Test
    void anUnknownProviderIsQuarantinedNeverIndexed() throws IOException {
        provider.deliver("incoming/stranger/movies.json", HEAT);

        await("the quarantine record", PATIENCE, () -> exists("quarantine/_unknown/incoming/stranger/movies.json.errors.ndjson"));
        assertThat(quarantine("quarantine/_unknown/incoming/stranger/movies.json.errors.ndjson")).singleElement()
                .satisfies(q -> assertThat(q.get("reason").asText()).contains("not under the prefix of a configured provider"));
        assertThat(count()).isZero();
    }

    @Test
    void acknowledgesTestEventsAndReadsSnsEnvelopes() throws IOException {
        provider.send(S3EventNotifications.testEvent("ingest"));
        var put = provider.put("incoming/wikipedia/sns.json", software.amazon.awssdk.core.sync.RequestBody.fromString(HEAT));
        provider.send(S3EventNotifications.inSnsEnvelope(S3EventNotifications.objectCreated("us-east-1", "ingest",
                "incoming/wikipedia/sns.json", HEAT.length(), put.eTag(), null)));

        await("the movie indexed through SNS", PATIENCE, () -> count() == 1);
        await("the queue drained", PATIENCE, () -> LocalAws.queueDepth(sqs, AWS.queueUrl()) == 0);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void movesUnrecognisedMessagesAsideAtOnce() {
        provider.send("{\"hello\": \"world\"}");

        List<Message> dead = awaitDeadLetters(1);
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("{\"hello\": \"world\"}");
            assertThat(m.messageAttributes().get("marquee-reason").stringValue()).contains("neither an S3 event notification");
        });
    }

    @Test
    void anotherBucketsEventGoesAsideAtOnceWithoutBlockingOthers() throws IOException {
        provider.send(S3EventNotifications.objectCreated("us-east-1", "someone-elses-bucket", "incoming/wikipedia/x.json", 10, "e", null));
        provider.deliver("incoming/wikipedia/after-poison.json", HEAT);

        await("the good delivery indexed meanwhile", PATIENCE, () -> count() == 1);
        List<Message> dead = awaitDeadLetters(1);
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("someone-elses-bucket");
            assertThat(m.messageAttributes().get("marquee-reason").stringValue())
                    .isEqualTo("the event names bucket someone-elses-bucket, not the ingest bucket ingest: not acted on");
        });
    }

    @Test
    void listsDeadLettersWithTheirObjectsAndReplaysThemOnceTheCauseIsFixed() throws IOException {
        // S3 down while a delivery's event is worked on: every receive the redrive policy allows fails.
        AWS.s3().stop();
        try {
            provider.send(S3EventNotifications.objectCreated("us-east-1", "ingest", "incoming/wikipedia/late.json", HEAT.length(), "e", null));
            provider.send("{\"hello\": \"world\"}");
            await("both dead-lettered", Duration.ofSeconds(60), () -> deadLetters.peek(10).size() == 2);
        }
        finally {
            AWS.s3().resume();
        }

        List<DeadLetters.Letter> letters = deadLetters.peek(10);
        assertThat(letters).anySatisfy(letter -> {
            assertThat(letter.objects()).containsExactly("ObjectCreated:Put s3://ingest/incoming/wikipedia/late.json");
            assertThat(letter.reason()).startsWith("failed on each of 3 receives, last with").contains("S3 unreachable");
            assertThat(letter.sentAt()).isNotNull();
        }).anySatisfy(letter -> {
            assertThat(letter.objects()).isEmpty();
            assertThat(letter.reason()).contains("neither an S3 event notification");
        });
        assertThat(deadLetters.peek(10)).as("peeking leaves them there").hasSize(2);

        // The cause fixed: S3 answers again, and the object is there.
        s3.putObject(p -> p.bucket("ingest").key("incoming/wikipedia/late.json"), software.amazon.awssdk.core.sync.RequestBody.fromString(HEAT));
        // Both were dead when the replay began; the one that is no S3 event comes straight back, and is not replayed again.
        assertThat(deadLetters.replay(10)).isEqualTo(2);

        await("the replayed delivery indexed", PATIENCE, () -> count() == 1);
        // The message that is no S3 event is moved aside again, at once, with its reason.
        await("only the unrecognisable one back in the dead-letter queue", PATIENCE, () -> {
            List<DeadLetters.Letter> back = deadLetters.peek(10);
            return back.size() == 1 && back.get(0).objects().isEmpty();
        });
    }

    private List<Message> awaitDeadLetters(int expected) {
        List<Message> dead = new java.util.ArrayList<>();
        await(expected + " dead letters", Duration.ofSeconds(60), () -> {
            dead.addAll(deadLetters());
            return dead.size() >= expected;
        });
        return dead;
    }

    private List<Message> deadLetters() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(AWS.deadLetterQueueUrl()).waitTimeSeconds(1).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
        messages.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(AWS.deadLetterQueueUrl()).receiptHandle(m.receiptHandle())));
        return messages;
    }

    private boolean exists(String key) {
        return PipelineTestSupport.exists(s3, "ingest", key);
    }

    private List<JsonNode> quarantine(String key) {
        return PipelineTestSupport.ndjson(s3, "ingest", key);
    }

    private JsonNode auditOfObject(String key) {
        try {
            new io.marquee.localservers.elasticsearch.ElasticsearchHttp(io.marquee.testsupport.elasticsearch.SharedElasticsearch.endpoint())
                    .post("/" + admin.names().auditPattern() + "/_refresh", null);
            var hits = elasticsearch.search(s -> s.index(admin.names().auditPattern())
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("key").value(key)))
                            .filter(f -> f.term(t -> t.field("action").value("object-removed"))))), JsonNode.class);
            assertThat(hits.hits().hits()).hasSize(1);
            return hits.hits().hits().get(0).source();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private List<JsonNode> audit(String movieId) {
        try {
            new io.marquee.localservers.elasticsearch.ElasticsearchHttp(io.marquee.testsupport.elasticsearch.SharedElasticsearch.endpoint())
                    .post("/" + admin.names().auditPattern() + "/_refresh", null);
            var hits = elasticsearch.search(s -> s.index(admin.names().auditPattern()).size(100)
                    .query(q -> q.term(t -> t.field("movieId").value(movieId))).sort(o -> o.field(f -> f.field("at"))), JsonNode.class);
            return hits.hits().hits().stream().map(h -> h.source()).toList();
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private long count() {
        return PipelineTestSupport.count(elasticsearch, admin);
    }

    private MovieDocument get(String id) {
        return PipelineTestSupport.get(elasticsearch, admin, id);
    }
}
