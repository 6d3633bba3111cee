package io.marquee.indexer.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import io.marquee.indexer.PipelineTestSupport;
import io.marquee.movie.MovieJson;
import io.marquee.localservers.aws.LocalAws;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quarantine records against a real S3 protocol (S3Proxy): streamed in parts rather than spooled to disk, and
 * bounded, however many records a delivery gets wrong.
 */
class QuarantineIntegrationTests {

    private static final LocalAws AWS = PipelineTestSupport.startAws(new LocalAws.Names("quarantine", "quarantine", "quarantine-dlq", 10, 3));
    private static final ObjectEvent EVENT = new ObjectEvent("ObjectCreated:Put", "quarantine", "incoming/wikipedia/bad.ndjson", "v1", "etag",
            "0055AED6DCD90281E5", "2026-12-01T10:00:00.000Z");

    private final S3Client s3 = AWS.s3Client();

    @AfterAll
    static void stopAws() {
        AWS.close();
    }

    @Test
    void streamsALargeRecordInPartsWithoutSpoolingToDisk() throws IOException {
        long spoolsBefore = spools();
        String raw = "{\"title\": \"" + "x".repeat(8_000) + "\"}";
        try (Quarantine quarantine = new Quarantine(s3, MovieJson.objectMapper(), EVENT, "wikipedia", "bad.ndjson", 64L * 1024 * 1024)) {
            for (int i = 1; i <= 1_500; i++) {
                quarantine.add(i, i, "year is missing", raw);
            }
            assertThat(spools()).as("nothing spooled to the temporary directory").isEqualTo(spoolsBefore);
            quarantine.publish();
        }

        List<JsonNode> lines = lines("quarantine/wikipedia/bad.ndjson.errors.ndjson");
        assertThat(lines).hasSize(1_500);
        assertThat(lines.get(1_499).get("position").asLong()).isEqualTo(1_500);
        assertThat(lines.get(0).get("source").get("versionId").asText()).isEqualTo("v1");
        assertThat(s3.headObject(h -> h.bucket("quarantine").key("quarantine/wikipedia/bad.ndjson.errors.ndjson")).contentLength())
                .as("more than one part").isGreaterThan(Quarantine.PART_BYTES);
    }

    @Test
    void listsRejectionsUpToItsBoundAndCountsTheRest() throws IOException {
        String raw = "{\"title\": \"" + "y".repeat(1_000) + "\"}";
        try (Quarantine quarantine = new Quarantine(s3, MovieJson.objectMapper(), EVENT, "wikipedia", "bounded.ndjson", 100_000)) {
            for (int i = 1; i <= 10_000; i++) {
                quarantine.add(i, i, "year is missing", raw);
            }
            assertThat(quarantine.count()).isEqualTo(10_000);
            quarantine.publish();
        }

        List<JsonNode> lines = lines("quarantine/wikipedia/bounded.ndjson.errors.ndjson");
        JsonNode last = lines.get(lines.size() - 1);
        long listed = lines.size() - 1;
        assertThat(listed).isBetween(80L, 100L);
        assertThat(last.get("unlisted").asLong()).isEqualTo(10_000 - listed);
        assertThat(last.get("reason").asText()).isEqualTo((10_000 - listed)
                + " further rejections are not listed: this record reached its limit of 100000 bytes");
    }

    @Test
    void anUnpublishedRecordLeavesNoUploadBehind() {
        String raw = "{\"title\": \"" + "z".repeat(8_000) + "\"}";
        try (Quarantine quarantine = new Quarantine(s3, MovieJson.objectMapper(), EVENT, "wikipedia", "abandoned.ndjson", 64L * 1024 * 1024)) {
            for (int i = 1; i <= 1_000; i++) {
                quarantine.add(i, i, "year is missing", raw);
            }
        }

        assertThat(s3.listMultipartUploads(l -> l.bucket("quarantine")).uploads()).isEmpty();
        assertThat(s3.listObjectsV2(l -> l.bucket("quarantine").prefix("quarantine/wikipedia/abandoned")).contents()).isEmpty();
    }

    private List<JsonNode> lines(String key) throws IOException {
        String body = s3.getObjectAsBytes(g -> g.bucket("quarantine").key(key)).asUtf8String();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(MovieJson.objectMapper().readTree(line));
        }
        return lines;
    }

    private static long spools() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("quarantine")).count();
        }
    }
}
