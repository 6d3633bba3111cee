package io.marquee.indexer.ingest;

import java.io.InputStream;
import java.time.Instant;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import io.marquee.movie.MovieSource;

/**
 * A movie file delivered as an S3 object. Every record it holds carries the object's identity, and the object's
 * last-modified time (milliseconds) is the external version of its records.
 */
public record S3MovieFile(S3Client s3, String bucket, String key, String versionId, String etag, String sequencer,
        long uploadedMillis) implements MovieFile {

    @Override
    public String uri() {
        return "s3://" + bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
    }

    @Override
    public String name() {
        return key;
    }

    @Override
    public InputStream open() {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (versionId != null) {
            request.versionId(versionId);
        }
        return s3.getObject(request.build());
    }

    @Override
    public MovieSource sourceAt(long position) {
        return new MovieSource(uri(), bucket, key, versionId, etag, sequencer, position);
    }

    @Override
    public boolean isTransient(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkException || cause instanceof java.net.SocketException
                    || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Instant deliveredAt() {
        return Instant.ofEpochMilli(uploadedMillis);
    }

    @Override
    public Long version() {
        return uploadedMillis;
    }
}
