package io.marquee.api.writes;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where accepted movies go.
 *
 * @param enabled whether the write routes exist at all
 * @param bucket the ingest bucket
 * @param region the AWS region
 * @param s3Endpoint an S3-compatible endpoint (the local stack), or null for AWS
 * @param accessKey a static key for that endpoint, or null for the default credentials chain
 * @param secretKey its secret
 */
@Validated
@ConfigurationProperties("marquee.api.writes")
public record WritesProperties(@DefaultValue("false") boolean enabled, @DefaultValue("marquee-ingest") @NotBlank String bucket,
        @DefaultValue("us-east-1") @NotBlank String region, URI s3Endpoint, String accessKey, String secretKey) {

    @Override
    public String toString() {
        return "WritesProperties[enabled=" + enabled + ", bucket=" + bucket + ", region=" + region + ", s3Endpoint=" + s3Endpoint + "]";
    }
}
