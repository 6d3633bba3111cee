package io.marquee.indexer.pipeline;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

import io.marquee.indexer.IndexerProcess;
import io.marquee.indexer.PipelineTestSupport;
import io.marquee.localservers.aws.LocalAws;
import io.marquee.localservers.aws.ProviderUploads;
import io.marquee.localservers.elasticsearch.ElasticsearchHttp;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;
import io.marquee.testsupport.elasticsearch.TestIndices;

import static io.marquee.indexer.PipelineTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real indexer, consuming in its own JVM, killed with SIGKILL in the middle of a large file and started
 * again: every movie ends up indexed exactly once, and every creation audited exactly once.
 */
@ElasticsearchTest
class KilledIndexerIntegrationTests {

    private static final int RECORDS = 30_000;
    private static final LocalAws AWS = PipelineTestSupport.startAws(new LocalAws.Names("ingest", "ingest", "ingest-dlq", 5, 10));

    @TempDir
    Path dir;

    @AfterAll
    static void stopAws() {
        AWS.close();
    }

    @Test
    void losesAndDuplicatesNothingWhenKilledMidFile(TestIndices indices) throws Exception {
        Path file = PipelineTestSupport.writeMovies(dir.resolve("big.ndjson"), "Killed Film", RECORDS);
        ElasticsearchHttp es = new ElasticsearchHttp(indices.endpoint());

        IndexerProcess first = IndexerProcess.consume(AWS, indices, dir.resolve("first.log"));
        ProviderUploads.to(AWS).deliver("incoming/wikipedia/big.ndjson", file);
        await("the indexer part-way through the file", Duration.ofMinutes(3), () -> between(es.count(indices.prefix() + "movies"), 1, RECORDS - 1));
        first.process().destroyForcibly().waitFor();
        long atKill = es.count(indices.prefix() + "movies");
        assertThat(atKill).isBetween(1L, RECORDS - 1L);

        try (IndexerProcess second = IndexerProcess.consume(AWS, indices, dir.resolve("second.log"))) {
            await("every movie indexed after the restart", Duration.ofMinutes(4), () -> es.count(indices.prefix() + "movies") == RECORDS);
            try (SqsClient sqs = AWS.sqsClient()) {
                await("the queue drained", Duration.ofMinutes(1), () -> LocalAws.queueDepth(sqs, AWS.queueUrl()) == 0);
            }
        }
        assertThat(es.count(indices.prefix() + "movies")).isEqualTo(RECORDS);
        assertThat(es.count(indices.prefix() + "movies-audit-*")).as("one create entry per movie").isEqualTo(RECORDS);
        System.out.printf("Killed at %d of %d movies; after restart %d movies, %d audit entries%n", atKill, RECORDS,
                es.count(indices.prefix() + "movies"), es.count(indices.prefix() + "movies-audit-*"));
    }

    private static boolean between(long value, long low, long high) {
        return value >= low && value <= high;
    }
}
