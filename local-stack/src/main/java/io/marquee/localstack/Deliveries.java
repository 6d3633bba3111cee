package io.marquee.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

import io.marquee.records.MovieFileFormat;
import io.marquee.localservers.aws.LocalAws;
import io.marquee.localservers.aws.ProviderUploads;

/**
 * Delivers files the way a provider does: each one uploaded to {@code incoming/<provider>/<name>}, then the S3
 * event notification published, exactly as S3 would. This is {@code make load}, and how the stack loads its
 * sample: the local path is the production path.
 */
final class Deliveries {

    private Deliveries() {
    }

    /** Uploads every movie file at {@code path} (a file or a directory) and announces each; returns the keys. */
    static List<String> deliver(StackState state, String provider, Path path) {
        List<Path> files = movieFiles(path);
        try (S3Client s3 = LocalAws.s3Client(state.aws()); SqsClient sqs = LocalAws.sqsClient(state.aws())) {
            ProviderUploads uploads = new ProviderUploads(s3, sqs, state.region(), state.bucket(), state.queueUrl());
            return files.stream().map(file -> {
                String key = "incoming/" + provider + "/" + file.getFileName();
                uploads.deliver(key, file);
                return key;
            }).toList();
        }
    }

    /** Publishes the created-event of an object someone uploaded by other means (the AWS CLI, say). */
    static void announce(StackState state, String key) {
        try (S3Client s3 = LocalAws.s3Client(state.aws()); SqsClient sqs = LocalAws.sqsClient(state.aws())) {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(state.bucket()).key(key));
            new ProviderUploads(s3, sqs, state.region(), state.bucket(), state.queueUrl())
                    .announce(key, head.contentLength(), head.eTag(), head.versionId());
        }
    }

    private static List<Path> movieFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("No such file or directory: " + path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).filter(file -> MovieFileFormat.of(file.getFileName().toString()).isPresent())
                    .sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
