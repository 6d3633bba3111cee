package io.marquee.indexer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Collects the rejected records of one delivery and writes them, one JSON line each with position and reason, to
 * {@code quarantine/<provider>/<path>.errors.ndjson} in the bucket, where the provider can read why. Spooled
 * to a temporary file, so a file full of bad records does not fill the heap.
 */
final class Quarantine implements AutoCloseable {

    static final String PREFIX = "quarantine/";

    private final S3Client s3;
    private final ObjectMapper json;
    private final String bucket;
    private final String key;
    private final Map<String, String> source;
    private final Path spool;
    private final Writer out;
    private long count;

    Quarantine(S3Client s3, ObjectMapper json, ObjectEvent event, String provider, String relativeKey) {
        this.s3 = s3;
        this.json = json;
        this.bucket = event.bucket();
        this.key = PREFIX + provider + "/" + relativeKey + ".errors.ndjson";
        this.source = new LinkedHashMap<>();
        source.put("bucket", event.bucket());
        source.put("key", event.key());
        source.put("versionId", event.versionId());
        source.put("etag", event.etag());
        try {
            this.spool = Files.createTempFile("quarantine", ".ndjson");
            this.out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    long count() {
        return count;
    }

    void add(long position, long line, String reason, String raw) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("position", position);
        entry.put("line", line);
        entry.put("reason", reason);
        entry.put("record", raw == null ? null : parseOrText(raw));
        entry.put("source", source);
        try {
            out.write(json.writeValueAsString(entry));
            out.write('\n');
            count++;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Uploads the quarantine record, if there is anything in it. Re-delivery writes the same object again. */
    void publish() {
        try {
            out.close();
            if (count > 0) {
                s3.putObject(p -> p.bucket(bucket).key(key).contentType("application/x-ndjson"), RequestBody.fromFile(spool));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(spool);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Object parseOrText(String raw) {
        try {
            return json.readTree(raw);
        }
        catch (IOException ex) {
            return raw;
        }
    }
}
