package io.marquee.api.writes;

import java.time.Clock;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "marquee.api.writes.enabled", havingValue = "true")
class WritesConfiguration {

    @Bean(destroyMethod = "close")
    S3AsyncClient writesS3Client(WritesProperties properties) {
        S3AsyncClientBuilder builder = S3AsyncClient.builder().region(Region.of(properties.region()));
        if (properties.accessKey() != null && !properties.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(),
                    properties.secretKey())));
        }
        else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        if (properties.s3Endpoint() != null) {
            builder.endpointOverride(properties.s3Endpoint()).forcePathStyle(true);
        }
        return builder.build();
    }

    @Bean
    MovieSubmissions movieSubmissions(S3AsyncClient writesS3Client, WritesProperties properties) {
        return new MovieSubmissions(writesS3Client, properties, Clock.systemUTC());
    }
}
