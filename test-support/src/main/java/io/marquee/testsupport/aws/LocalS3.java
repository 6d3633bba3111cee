package io.marquee.testsupport.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible server (S3Proxy) storing objects as files under a directory, on a free loopback port.
 * It checks AWS signatures against {@link AwsEndpoint#ACCESS_KEY}, as S3 would.
 */
public final class LocalS3 implements AutoCloseable {

    private final S3Proxy proxy;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
    }

    public static LocalS3 start(Path directory) {
        try {
            Files.createDirectories(directory);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, AwsEndpoint.ACCESS_KEY, AwsEndpoint.SECRET_KEY)
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(20);
            }
            return new LocalS3(proxy);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting S3Proxy", ex);
        }
        catch (Exception ex) {
            throw new IllegalStateException("S3Proxy failed to start", ex);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        }
        catch (Exception ex) {
            throw new IllegalStateException("S3Proxy failed to stop", ex);
        }
    }
}
