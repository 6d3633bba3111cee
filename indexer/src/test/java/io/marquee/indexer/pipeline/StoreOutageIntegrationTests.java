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
 * Fault test: the bucket's server stops while the real indexer (its own JVM, consuming) is part-way through a
 * backlog of deliveries, and comes back 10 seconds later. The indexer backs off (a bounded number of redeliveries, no
 * tight loop), the queue holds the backlog, and once S3 answers again every movie is indexed and audited exactly
 * once, with nothing dead-lettered. Its own metrics endpoint tells the story.
 */
@ElasticsearchTest
class StoreOutageIntegrationTests {

    private static final int FILES = 8;
    private static final int PER_FILE = 2_500;
    private static final int RECORDS = FILES * PER_FILE;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final LocalAws AWS = PipelineTestSupport.startAws(new LocalAws.Names("outage", "outage", "outage-dlq", 5, 20));

    @TempDir
    Path dir;

    @AfterAll
    static void stopAws() {
        AWS.close();
    }

    @Test
    void backsOffWhileS3IsDownAndLosesOrDuplicatesNothing(TestIndices indices) throws Exception {
        ElasticsearchHttp es = new ElasticsearchHttp(indices.endpoint());
        String movies = indices.prefix() + "movies";
        ProviderUploads uploads = ProviderUploads.to(AWS);
        for (int file = 0; file < FILES; file++) {
            Path delivery = PipelineTestSupport.writeMovies(dir.resolve("outage-" + file + ".ndjson"), "Outage Film " + file + "-", PER_FILE);
            uploads.deliver("incoming/wikipedia/outage-" + file + ".ndjson", delivery);
        }

        try (IndexerProcess indexer = IndexerProcess.consume(AWS, indices, dir.resolve("indexer.log"));
                SqsClient sqs = AWS.sqsClient()) {
            await("the indexer part-way through the backlog", Duration.ofMinutes(3), () -> {
                long indexed = es.count(movies);
                return indexed > 0 && indexed < RECORDS - 2 * PER_FILE;
            });
            AWS.s3().stop();
            long atOutage = es.count(movies);
            double retriedBefore = indexer.metric("marquee_ingest_messages_total", "outcome=\"retried\"");
            Thread.sleep(OUTAGE.toMillis());
            double retriedDuring = indexer.metric("marquee_ingest_messages_total", "outcome=\"retried\"") - retriedBefore;
            double waiting = indexer.metric("marquee_ingest_queue_messages", "queue=\"ingest\"");
            long duringOutage = es.count(movies);
            AWS.s3().resume();
            long resumed = System.nanoTime();

            await("every movie indexed after S3 returned", Duration.ofMinutes(3), () -> es.count(movies) == RECORDS);
            long drainedMillis = (System.nanoTime() - resumed) / 1_000_000;
            await("the queue drained", Duration.ofMinutes(1), () -> LocalAws.queueDepth(sqs, AWS.queueUrl()) == 0);

            // Backoff of 1 s doubled per receive: at most 5 receives of a message in 10 s (0, 1, 3, 7 s and one in flight).
            assertThat(retriedDuring).as("redeliveries during the outage").isGreaterThan(0).isLessThanOrEqualTo(FILES * 5);
            assertThat(waiting).as("the backlog held in the queue during the outage").isPositive();
            assertThat(duringOutage - atOutage).as("movies indexed without S3").isLessThanOrEqualTo(2L * PER_FILE);
            assertThat(es.count(movies)).isEqualTo(RECORDS);
            assertThat(es.count(indices.prefix() + "movies-audit-*")).as("one create entry per movie, none twice").isEqualTo(RECORDS);
            await("the dead-letter queue figure", Duration.ofSeconds(10),
                    () -> indexer.metric("marquee_ingest_queue_messages", "queue=\"dead-letter\"") == 0);
            assertThat(LocalAws.queueDepth(sqs, AWS.deadLetterQueueUrl())).as("dead-lettered").isZero();
            assertThat(indexer.metric("marquee_ingest_objects_total", "result=\"indexed\"")).isEqualTo(FILES);
            assertThat(indexer.metric("marquee_ingest_lag_seconds_count")).isEqualTo(FILES);
            assertThat(indexer.get("/actuator/health/liveness").body()).contains("\"UP\"");
            System.out.printf("S3 outage of %d s: %d of %d movies indexed when S3 stopped, %d more during the outage (in flight), "
                    + "%.0f redeliveries during it, %.0f messages waiting in the queue; every movie indexed %d ms after S3 returned, "
                    + "%d audit entries, %.0f receives failed, lag p99 %.1f s%n", OUTAGE.toSeconds(), atOutage, RECORDS, duringOutage - atOutage,
                    retriedDuring, waiting, drainedMillis, es.count(indices.prefix() + "movies-audit-*"),
                    indexer.metric("marquee_ingest_receive_failures_total"), indexer.metric("marquee_ingest_lag_seconds", "quantile=\"0.99\""));
        }
    }
}
