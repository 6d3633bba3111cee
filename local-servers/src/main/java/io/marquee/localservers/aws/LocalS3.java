package io.marquee.localservers.aws;

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

    private final Path directory;
    private final int port;
    private S3Proxy proxy;
    private final VersioningFront versioning;

    private LocalS3(Path directory, S3Proxy proxy, VersioningFront versioning) {
        this.directory = directory;
        this.proxy = proxy;
        this.port = proxy.getPort();
        this.versioning = versioning;
    }

    public static LocalS3 start(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new LocalS3(directory, startProxy(directory, 0, AuthenticationType.AWS_V2_OR_V4), null);
    }

    /**
     * A bucket with versioning enabled, as the production ingest bucket has ({@link VersioningFront}): every upload
     * answers a version id, and reads by version id get that version. Signatures are not checked.
     */
    public static LocalS3 startVersioned(Path directory) {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        S3Proxy proxy = startProxy(directory, 0, AuthenticationType.NONE);
        return new LocalS3(directory, proxy, new VersioningFront(URI.create("http://127.0.0.1:" + proxy.getPort())));
    }

    /** Stops serving, as an outage would: connections are refused until {@link #resume()}; the objects are kept. */
    public synchronized void stop() {
        if (proxy != null) {
            stopProxy(proxy);
            proxy = null;
        }
    }

    /** Serves again, on the same port, the objects as they were. */
    public synchronized void resume() {
        if (proxy == null) {
            proxy = startProxy(directory, port, versioning == null ? AuthenticationType.AWS_V2_OR_V4 : AuthenticationType.NONE);
        }
    }

    private static S3Proxy startProxy(Path directory, int port, AuthenticationType authentication) {
        try {
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(authentication, AwsEndpoint.ACCESS_KEY, AwsEndpoint.SECRET_KEY)
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
            return proxy;
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
        return versioning != null ? versioning.uri() : URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        if (versioning != null) {
            versioning.close();
        }
        stop();
    }

    private static void stopProxy(S3Proxy proxy) {
        try {
            proxy.stop();
        }
        catch (Exception ex) {
            throw new IllegalStateException("S3Proxy failed to stop", ex);
        }
    }
}
