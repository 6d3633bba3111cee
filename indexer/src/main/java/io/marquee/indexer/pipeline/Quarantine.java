package io.marquee.indexer.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Collects the rejected records of one delivery and writes them, one JSON line each with position and reason, to
 * {@code quarantine/<provider>/<path>.errors.ndjson} in the bucket, where the provider can read why.
 * <p>
 * Streamed to S3 as it grows, never spooled to disk: entries are held until a multipart upload's part is full
 * ({@link #PART_BYTES}), then sent, so the heap holds at most one part. The record as a whole stops at
 * {@code maxBytes}; rejections past it are only counted, in a last line that says how many were left out.
 */
final class Quarantine implements AutoCloseable {

    static final String PREFIX = "quarantine/";
    /** S3's smallest part but the last. */
    static final int PART_BYTES = 5 * 1024 * 1024;

    private final S3Client s3;
    private final ObjectMapper json;
    private final String bucket;
    private final String key;
    private final long maxBytes;
    private final Map<String, String> source;
    private final ByteArrayOutputStream part = new ByteArrayOutputStream();
    private final List<CompletedPart> parts = new ArrayList<>();
    private String uploadId;
    private boolean published;
    private long count;
    private long written;
    private long unlisted;

    Quarantine(S3Client s3, ObjectMapper json, ObjectEvent event, String provider, String relativeKey, long maxBytes) {
        this.s3 = s3;
        this.json = json;
        this.bucket = event.bucket();
        this.key = PREFIX + provider + "/" + relativeKey + ".errors.ndjson";
        this.maxBytes = maxBytes;
        this.source = new LinkedHashMap<>();
        source.put("bucket", event.bucket());
        source.put("key", event.key());
        source.put("versionId", event.versionId());
        source.put("etag", event.etag());
    }

    /** Rejections so far, listed or not. */
    long count() {
        return count;
    }

    void add(long position, long line, String reason, String raw) {
        count++;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("position", position);
        entry.put("line", line);
        entry.put("reason", reason);
        entry.put("record", raw == null ? null : parseOrText(raw));
        entry.put("source", source);
        byte[] bytes = line(entry);
        if (written + bytes.length > maxBytes) {
            unlisted++;
            return;
        }
        append(bytes);
    }

    /** Uploads the quarantine record, if there is anything in it. Re-delivery writes the same object again. */
    void publish() {
        if (count == 0) {
            return;
        }
        if (unlisted > 0) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("reason", unlisted + " further rejections are not listed: this record reached its limit of " + maxBytes + " bytes");
            summary.put("unlisted", unlisted);
            summary.put("source", source);
            part.writeBytes(line(summary));
        }
        if (uploadId == null) {
            s3.putObject(p -> p.bucket(bucket).key(key).contentType("application/x-ndjson"), RequestBody.fromBytes(part.toByteArray()));
        }
        else {
            sendPart();
            s3.completeMultipartUpload(c -> c.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        }
        published = true;
    }

    /** Abandons an upload that was not published, so that no parts linger in the bucket. */
    @Override
    public void close() {
        if (uploadId != null && !published) {
            try {
                s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(uploadId));
            }
            catch (SdkException ex) {
                // The failure that brought us here matters more; the bucket's lifecycle rule removes stale uploads.
            }
        }
    }

    private void append(byte[] bytes) {
        part.writeBytes(bytes);
        written += bytes.length;
        if (part.size() >= PART_BYTES) {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(c -> c.bucket(bucket).key(key).contentType("application/x-ndjson")).uploadId();
            }
            sendPart();
        }
    }

    private void sendPart() {
        int number = parts.size() + 1;
        String etag = s3.uploadPart(u -> u.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(part.toByteArray())).eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        part.reset();
    }

    private byte[] line(Map<String, Object> entry) {
        try {
            byte[] value = json.writeValueAsBytes(entry);
            byte[] line = new byte[value.length + 1];
            System.arraycopy(value, 0, line, 0, value.length);
            line[value.length] = '\n';
            return line;
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
