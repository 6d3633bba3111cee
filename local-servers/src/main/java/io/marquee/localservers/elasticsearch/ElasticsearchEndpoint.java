package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach a cluster: its HTTP addresses and, for a secured cluster, basic credentials and the CA certificate (PEM)
 * its HTTPS certificates are signed by.
 */
public record ElasticsearchEndpoint(List<URI> uris, String username, String password, Path caCertificate) {

    public ElasticsearchEndpoint {
        uris = List.copyOf(uris);
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("An endpoint needs at least one address");
        }
    }

    public ElasticsearchEndpoint(List<URI> uris, String username, String password) {
        this(uris, username, password, null);
    }

    /** The same cluster, as another user. */
    public ElasticsearchEndpoint as(String user, String secret) {
        return new ElasticsearchEndpoint(uris, user, secret, caCertificate);
    }

    /** A TLS context trusting exactly the endpoint's CA, or empty when it has none (plain HTTP, or a public CA). */
    public Optional<SSLContext> sslContext() {
        if (caCertificate == null) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot trust " + caCertificate, ex);
        }
    }

    /**
     * The cluster named by {@code ES_URL} (comma-separated addresses) with {@code ES_USERNAME} and
     * {@code ES_PASSWORD}, if set.
     */
    public static Optional<ElasticsearchEndpoint> fromEnvironment(Map<String, String> env) {
        String urls = env.get("ES_URL");
        if (urls == null || urls.isBlank()) {
            return Optional.empty();
        }
        List<URI> uris = Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(URI::create).toList();
        return Optional.of(new ElasticsearchEndpoint(uris, env.get("ES_USERNAME"), env.get("ES_PASSWORD")));
    }

    public URI uri() {
        return uris.get(0);
    }

    /** The addresses as one comma-separated string, as Spring's {@code spring.elasticsearch.uris} takes them. */
    public String urisAsString() {
        return String.join(",", uris.stream().map(URI::toString).toList());
    }

    public boolean hasCredentials() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "ElasticsearchEndpoint" + uris + (hasCredentials() ? " as " + username : "");
    }
}
