package io.marquee.indexer;

import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.marquee.movie.MovieDocument;
import io.marquee.indexer.indices.MovieIndexAdmin;
import io.marquee.movie.MovieJson;
import io.marquee.localservers.aws.LocalAws;

/**
 * Local S3 and SQS for pipeline tests, one pair per test class, and the properties that point the indexer at them.
 */
public final class PipelineTestSupport {

    private PipelineTestSupport() {
    }

    public static LocalAws startAws(LocalAws.Names names) {
        try {
            return LocalAws.start(Files.createTempDirectory("marquee-s3"), names);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** The same, with the bucket versioned as the production ingest bucket is. */
    public static LocalAws startVersionedAws(LocalAws.Names names) {
        try {
            return LocalAws.startVersioned(Files.createTempDirectory("marquee-s3"), names);
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    public static void register(DynamicPropertyRegistry registry, Class<?> testClass, LocalAws aws) {
        IndexerTestProperties.register(registry, testClass);
        registry.add("marquee.indexer.aws.s3-endpoint", () -> aws.endpoint().s3().toString());
        registry.add("marquee.indexer.aws.sqs-endpoint", () -> aws.endpoint().sqs().toString());
        registry.add("marquee.indexer.aws.access-key", () -> aws.endpoint().accessKey());
        registry.add("marquee.indexer.aws.secret-key", () -> aws.endpoint().secretKey());
        registry.add("marquee.indexer.pipeline.queue-url", aws::queueUrl);
        registry.add("marquee.indexer.pipeline.dead-letter-queue-url", aws::deadLetterQueueUrl);
        registry.add("marquee.indexer.pipeline.bucket", () -> aws.names().bucket());
        registry.add("marquee.indexer.pipeline.wait-time", () -> "1s");
        registry.add("marquee.indexer.pipeline.retry-backoff", () -> "1s");
        registry.add("marquee.indexer.pipeline.visibility-timeout", () -> "10s");
    }

    /** Whether an object is in the bucket. */
    public static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(h -> h.bucket(bucket).key(key));
            return true;
        }
        catch (S3Exception ex) {
            return false;
        }
    }

    /** The lines of an NDJSON object (a quarantine record), parsed. */
    public static List<JsonNode> ndjson(S3Client s3, String bucket, String key) {
        String body = s3.getObjectAsBytes(g -> g.bucket(bucket).key(key)).asUtf8String();
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(MovieJson.objectMapper().readTree(line));
                }
            }
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return lines;
    }

    /** How many movies the read alias shows, once what was written is searchable. */
    public static long count(ElasticsearchClient elasticsearch, MovieIndexAdmin admin) {
        try {
            admin.refresh();
            return elasticsearch.count(c -> c.index(admin.names().readAlias())).count();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** A movie as the read alias has it. */
    public static MovieDocument get(ElasticsearchClient elasticsearch, MovieIndexAdmin admin, String id) {
        try {
            return elasticsearch.get(g -> g.index(admin.names().readAlias()).id(id), MovieDocument.class).source();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Waits for a condition the pipeline brings about asynchronously. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, ex);
            }
        }
    }

    /** Sleeps past S3's one-second Last-Modified resolution, so the next upload is strictly newer. */
    public static void nextSecond() {
        try {
            Thread.sleep(1100);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@code count} distinct minimal movies as NDJSON, titled {@code "<titlePrefix> <n>"}, and returns the file. */
    public static Path writeMovies(Path file, String titlePrefix, int count) {
        try (java.io.BufferedWriter out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write("{\"title\": \"" + titlePrefix + " " + i + "\", \"year\": " + (1950 + i % 70) + ", \"cast\": [\"Actor " + (i % 900)
                        + "\"], \"genres\": [\"Drama\"]}\n");
            }
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return file;
    }
}
