package io.marquee.indexer.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

import io.marquee.indexer.PipelineTestSupport;
import io.marquee.testsupport.aws.LocalAws;
import io.marquee.testsupport.aws.ProviderUploads;
import io.marquee.testsupport.elasticsearch.ElasticsearchHttp;
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
        Path file = generate(dir.resolve("big.ndjson"));
        ElasticsearchHttp es = new ElasticsearchHttp(indices.endpoint());

        Process first = indexer(indices, "first");
        ProviderUploads.to(AWS).deliver("incoming/wikipedia/big.ndjson", file);
        await("the indexer part-way through the file", Duration.ofMinutes(3), () -> between(count(es, indices.prefix() + "movies"), 1, RECORDS - 1));
        first.destroyForcibly().waitFor();
        long atKill = count(es, indices.prefix() + "movies");
        assertThat(atKill).isBetween(1L, RECORDS - 1L);

        Process second = indexer(indices, "second");
        try {
            await("every movie indexed after the restart", Duration.ofMinutes(4), () -> count(es, indices.prefix() + "movies") == RECORDS);
            try (SqsClient sqs = AWS.sqsClient()) {
                await("the queue drained", Duration.ofMinutes(1), () -> LocalAws.queueDepth(sqs, AWS.queueUrl()) == 0);
            }
        }
        finally {
            second.destroy();
            second.waitFor();
        }
        assertThat(count(es, indices.prefix() + "movies")).isEqualTo(RECORDS);
        assertThat(count(es, indices.prefix() + "movies-audit-*")).as("one create entry per movie").isEqualTo(RECORDS);
        System.out.printf("Killed at %d of %d movies; after restart %d movies, %d audit entries%n", atKill, RECORDS,
                count(es, indices.prefix() + "movies"), count(es, indices.prefix() + "movies-audit-*"));
    }

    private Process indexer(TestIndices indices, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "io.marquee.indexer.IndexerApplication", "consume",
                "--spring.elasticsearch.uris=" + indices.endpoint().urisAsString(),
                "--marquee.indexer.index-prefix=" + indices.prefix(),
                "--marquee.indexer.aws.s3-endpoint=" + AWS.endpoint().s3(),
                "--marquee.indexer.aws.sqs-endpoint=" + AWS.endpoint().sqs(),
                "--marquee.indexer.aws.access-key=" + AWS.endpoint().accessKey(),
                "--marquee.indexer.aws.secret-key=" + AWS.endpoint().secretKey(),
                "--marquee.indexer.pipeline.queue-url=" + AWS.queueUrl(),
                "--marquee.indexer.pipeline.dead-letter-queue-url=" + AWS.deadLetterQueueUrl(),
                "--marquee.indexer.pipeline.bucket=ingest",
                "--marquee.indexer.pipeline.wait-time=1s",
                "--marquee.indexer.pipeline.visibility-timeout=5s",
                "--marquee.indexer.pipeline.retry-backoff=1s",
                "--marquee.indexer.bulk.max-operations=500",
                "--spring.profiles.active=plain-logs"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static boolean between(long value, long low, long high) {
        return value >= low && value <= high;
    }

    private static long count(ElasticsearchHttp es, String target) {
        es.post("/" + target + "/_refresh", null);
        ElasticsearchHttp.Response response = es.get("/" + target + "/_count");
        if (!response.ok()) {
            return 0;
        }
        String body = response.body();
        int start = body.indexOf("\"count\":") + 8;
        return Long.parseLong(body.substring(start, body.indexOf(',', start)));
    }

    private static Path generate(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < RECORDS; i++) {
                out.write("{\"title\": \"Killed Film " + i + "\", \"year\": " + (1950 + i % 70) + ", \"cast\": [\"Actor " + (i % 900)
                        + "\"], \"genres\": [\"Drama\"]}\n");
            }
        }
        return file;
    }
}
