package io.marquee.localservers.aws;

import java.net.URI;

/**
 * Where the local S3 and SQS listen, and the static credentials they accept.
 */
public record AwsEndpoint(URI s3, URI sqs, String region, String accessKey, String secretKey) {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "marquee-local";
    public static final String SECRET_KEY = "marquee-local-secret";
}
