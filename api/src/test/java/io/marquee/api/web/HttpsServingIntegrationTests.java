package io.marquee.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API serving HTTPS itself (for encryption inside the cluster), with a certificate made for the test by the JDK's
 * keytool: a client trusting it gets answers with {@code Strict-Transport-Security}; a client that does not trust it
 * is refused at the handshake; plain HTTP gets no answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class HttpsServingIntegrationTests {

    private static final String PASSWORD = "changeit-for-tests";
    private static Path keyStore;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        keyStore = Files.createTempDirectory("marquee-tls").resolve("api.p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "marquee-api", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        ApiTestSupport.register(registry, HttpsServingIntegrationTests.class);
        registry.add("server.ssl.key-store", () -> "file:" + keyStore);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> PASSWORD);
    }

    @BeforeAll
    static void loadSample() {
        ApiTestSupport.loadSample(HttpsServingIntegrationTests.class);
    }

    @LocalServerPort
    int port;

    @Test
    void answersOverHttpsWithStrictTransportSecurity() throws Exception {
        HttpResponse<String> response = trusting().send(get("https"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"year\":1995");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void refusesAClientThatDoesNotTrustItsCertificate() {
        HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> stranger.send(get("https"), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void givesPlainHttpNoAnswer() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> plain.send(get("http"), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    private HttpRequest get(String scheme) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/movies/year/1995")).timeout(Duration.ofSeconds(10)).build();
    }

    /** A client trusting exactly the certificate the test made. */
    private static HttpClient trusting() throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("marquee-api", server.getCertificate("marquee-api"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
