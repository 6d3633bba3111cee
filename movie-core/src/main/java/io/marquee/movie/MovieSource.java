package io.marquee.movie;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a movie record came from: a local file ({@code uri}) or an S3 object ({@code bucket}, {@code key},
 * {@code versionId}, {@code etag}, {@code sequencer}), and its position in that file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MovieSource(String uri, String bucket, String key, String versionId, String etag, String sequencer,
        Long position) {

    public static MovieSource file(String uri, long position) {
        return new MovieSource(uri, null, null, null, null, null, position);
    }
}
