package io.marquee.indexer.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AwsConfiguration {

    @Bean(destroyMethod = "close")
    S3Client s3Client(AwsProperties properties) {
        S3ClientBuilder builder = S3Client.builder().region(Region.of(properties.region())).credentialsProvider(credentials(properties));
        if (properties.s3Endpoint() != null) {
            // S3-compatible servers answer on one host: address buckets by path, not by subdomain.
            builder.endpointOverride(properties.s3Endpoint()).forcePathStyle(true);
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    SqsClient sqsClient(AwsProperties properties) {
        SqsClientBuilder builder = SqsClient.builder().region(Region.of(properties.region())).credentialsProvider(credentials(properties));
        if (properties.sqsEndpoint() != null) {
            builder.endpointOverride(properties.sqsEndpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(AwsProperties properties) {
        if (properties.accessKey() != null && !properties.accessKey().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
