package io.marquee.indexer.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

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
 * The pipeline against a bucket with versioning enabled, as every production delivery comes from: each upload has
 * a version id, its event names it, and reads by version. S3Proxy does not version, so the bucket is S3Proxy behind
 * a front that versions as S3 does ({@link LocalAws#startVersioned}).
 */
@SpringBootTest
@ElasticsearchTest
@DirtiesContext
class VersionedBucketIntegrationTests {

    private static final LocalAws AWS = PipelineTestSupport.startVersionedAws(new LocalAws.Names("versioned", "versioned", "versioned-dlq", 10, 3));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HEAT = "{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Al Pacino\"], \"genres\": [\"Crime\"], \"href\": \"Heat\"}";
    private static final String HEAT_ID = MovieIds.of("Heat", 1995, "Heat");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PipelineTestSupport.register(registry, VersionedBucketIntegrationTests.class, AWS);
    }

    @AfterAll
    static void stopAws() {
        AWS.close();
    }

    private final QueueConsumer consumer;
    private final MovieIndexAdmin admin;
    private final ElasticsearchClient elasticsearch;
    private final ProviderUploads provider = ProviderUploads.to(AWS);
    private final S3Client s3 = AWS.s3Client();

    VersionedBucketIntegrationTests(QueueConsumer consumer, MovieIndexAdmin admin, ElasticsearchClient elasticsearch) {
        this.consumer = consumer;
        this.admin = admin;
        this.elasticsearch = elasticsearch;
    }

    @BeforeEach
    void freshIndexAndRunningConsumer() {
        consumer.stop();
        var sqs = AWS.sqsClient();
        sqs.purgeQueue(p -> p.queueUrl(AWS.queueUrl()));
        sqs.purgeQueue(p -> p.queueUrl(AWS.deadLetterQueueUrl()));
        TestIndices.onSharedCluster(admin.names().prefix()).deleteAll();
        admin.bootstrap();
        consumer.start();
    }

    @Test
    void readsAVersionedNdjsonDeliveryLineByLine() throws IOException {
        // The object's URI ends in ?versionId=…; its key still says NDJSON, so a broken line costs only itself.
        String content = HEAT + "\n{\"title\": \"Broken\", \"year\": }\n" + HEAT.replace("Heat", "Ronin") + "\n";
        PutObjectResponse put = provider.put("incoming/wikipedia/versioned.ndjson", RequestBody.fromString(content));
        assertThat(put.versionId()).as("the bucket versions").isNotBlank();
        provider.announce("incoming/wikipedia/versioned.ndjson", content.length(), put.eTag(), put.versionId());

        await("both good lines indexed", PATIENCE, () -> count() == 2);
        MovieDocument ronin = get(MovieIds.of("Ronin", 1995, "Ronin"));
        assertThat(ronin.source().versionId()).isEqualTo(put.versionId());
        assertThat(ronin.source().position()).isEqualTo(3);
        await("the broken line quarantined", PATIENCE, () -> exists("quarantine/wikipedia/versioned.ndjson.errors.ndjson"));
        assertThat(quarantine("quarantine/wikipedia/versioned.ndjson.errors.ndjson")).singleElement().satisfies(q -> {
            assertThat(q.get("line").asLong()).isEqualTo(2);
            assertThat(q.get("source").get("versionId").asText()).isEqualTo(put.versionId());
        });
    }

    @Test
    void aLateEventReadsTheVersionItNamesAndCannotUndoTheNewerOne() throws IOException {
        PutObjectResponse first = provider.put("incoming/wikipedia/heat.json", RequestBody.fromString(HEAT));
        PipelineTestSupport.nextSecond();
        String newer = HEAT.replace("[\"Al Pacino\"]", "[\"Al Pacino\", \"Robert De Niro\"]");
        PutObjectResponse second = provider.put("incoming/wikipedia/heat.json", RequestBody.fromString(newer));
        assertThat(second.versionId()).isNotEqualTo(first.versionId());

        provider.announce("incoming/wikipedia/heat.json", newer.length(), second.eTag(), second.versionId());
        await("the newer version indexed", PATIENCE, () -> count() == 1);
        int handled = consumer.processed();
        // The first upload's event, delivered late: it names the first version, which is what is read, and is older.
        provider.announce("incoming/wikipedia/heat.json", HEAT.length(), first.eTag(), first.versionId());
        await("the late event handled", PATIENCE, () -> consumer.processed() > handled);

        MovieDocument heat = get(HEAT_ID);
        assertThat(heat.cast()).containsExactly("Al Pacino", "Robert De Niro");
        assertThat(heat.source().versionId()).isEqualTo(second.versionId());
    }

    @Test
    void ofTwoUploadsInTheSameSecondTheLaterWinsWhicheverEventComesFirst() throws IOException {
        // Last-Modified has whole seconds: both uploads carry the same one. The events' times are S3's, to the millisecond.
        String earlier = HEAT.replace("[\"Crime\"]", "[\"Crime\", \"Drama\"]");
        String later = HEAT.replace("[\"Crime\"]", "[\"Crime\", \"Thriller\"]");
        PutObjectResponse earlierPut;
        PutObjectResponse laterPut;
        Instant earlierAt;
        Instant laterAt;
        do {
            earlierPut = provider.put("incoming/wikipedia/same-second-a.json", RequestBody.fromString(earlier));
            earlierAt = Instant.now();
            laterPut = provider.put("incoming/wikipedia/same-second-b.json", RequestBody.fromString(later));
            laterAt = Instant.now();
        }
        while (!lastModified("incoming/wikipedia/same-second-a.json").equals(lastModified("incoming/wikipedia/same-second-b.json")));
        assertThat(laterAt).isAfter(earlierAt);

        // The later upload's event arrives first, the earlier's after it.
        provider.send(S3EventNotifications.objectCreated("us-east-1", "versioned", "incoming/wikipedia/same-second-b.json",
                later.length(), laterPut.eTag(), laterPut.versionId(), laterAt));
        await("the later upload indexed", PATIENCE, () -> count() == 1);
        int handled = consumer.processed();
        provider.send(S3EventNotifications.objectCreated("us-east-1", "versioned", "incoming/wikipedia/same-second-a.json",
                earlier.length(), earlierPut.eTag(), earlierPut.versionId(), earlierAt));
        await("the earlier upload's event handled", PATIENCE, () -> consumer.processed() > handled);

        assertThat(get(HEAT_ID).genres()).containsExactly("Crime", "Thriller");
        assertThat(get(HEAT_ID).source().key()).isEqualTo("incoming/wikipedia/same-second-b.json");
    }

    private Instant lastModified(String key) {
        return s3.headObject(h -> h.bucket("versioned").key(key)).lastModified();
    }

    private boolean exists(String key) {
        return PipelineTestSupport.exists(s3, "versioned", key);
    }

    private List<JsonNode> quarantine(String key) {
        return PipelineTestSupport.ndjson(s3, "versioned", key);
    }

    private long count() {
        return PipelineTestSupport.count(elasticsearch, admin);
    }

    private MovieDocument get(String id) {
        return PipelineTestSupport.get(elasticsearch, admin, id);
    }
}
