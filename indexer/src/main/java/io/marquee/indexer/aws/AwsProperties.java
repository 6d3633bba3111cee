package io.marquee.indexer.aws;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach S3 and SQS. In AWS, set only the region: credentials come from the default chain (IRSA on EKS).
 * Locally, the endpoints and static keys point at S3Proxy and ElasticMQ.
 *
 * @param s3Endpoint an S3-compatible endpoint, or null for AWS
 * @param sqsEndpoint an SQS-compatible endpoint, or null for AWS
 * @param accessKey a static access key, or null for the default credentials chain
 * @param secretKey the static secret key that goes with it
 */
@Validated
@ConfigurationProperties("marquee.indexer.aws")
public record AwsProperties(
        @DefaultValue("us-east-1") @NotBlank String region,
        URI s3Endpoint,
        URI sqsEndpoint,
        String accessKey,
        String secretKey) {

    @Override
    public String toString() {
        return "AwsProperties[region=" + region + ", s3Endpoint=" + s3Endpoint + ", sqsEndpoint=" + sqsEndpoint
                + ", accessKey=" + (accessKey == null ? null : "****") + "]";
    }
}
