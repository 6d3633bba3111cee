package io.marquee.localservers.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A versioned bucket in front of S3Proxy, which does not version: the behaviour an ingest bucket with versioning
 * enabled has, built faithfully enough to test what depends on it. Every object {@code PUT} gets a new version id
 * (answered in {@code x-amz-version-id}, as S3 does) and a copy of its bytes kept under a hidden key; a
 * {@code GET} or {@code HEAD} with {@code ?versionId=} reads that version, one without reads the latest and names
 * it. A version id that was never issued is {@code 404 NoSuchVersion}. Everything else passes through unchanged.
 * <p>
 * Requests are forwarded to an S3Proxy that does not check signatures (this front would break them by rewriting
 * the path), so a versioned local S3 checks none.
 */
final class VersioningFront implements AutoCloseable {

    /** Where versions are kept, outside every prefix the indexer reads. */
    static final String VERSIONS = ".versions/";
    private static final Set<String> UNFORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");

    private final URI backend;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    VersioningFront(URI backend) {
        this.backend = backend;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            List<String[]> query = query(exchange.getRequestURI().getRawQuery());
            String versionId = remove(query, "versionId");
            boolean object = isObject(path);
            if (object && versionId != null && (method.equals("GET") || method.equals("HEAD"))) {
                if (!issued.contains(path + "?" + versionId)) {
                    reply(exchange, 404, Map.of("Content-Type", "application/xml"), ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
                            + "<Code>NoSuchVersion</Code><Message>The specified version does not exist.</Message></Error>")
                            .getBytes(StandardCharsets.UTF_8), method.equals("HEAD"));
                    return;
                }
                HttpResponse<byte[]> response = forward(exchange, versionPath(path, versionId), query, new byte[0]);
                relay(exchange, response, versionId);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpResponse<byte[]> response = forward(exchange, path, query, body);
            if (object && method.equals("PUT") && query.isEmpty() && response.statusCode() == 200) {
                String issuedId = nextVersionId();
                // The bytes as stored (the SDK may have sent them aws-chunked), copied to the version's own key.
                byte[] stored = client.send(HttpRequest.newBuilder(backend.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                client.send(HttpRequest.newBuilder(backend.resolve(versionPath(path, issuedId))).PUT(HttpRequest.BodyPublishers.ofByteArray(stored))
                        .build(), HttpResponse.BodyHandlers.discarding());
                issued.add(path + "?" + issuedId);
                latest.put(path, issuedId);
                relay(exchange, response, issuedId);
                return;
            }
            relay(exchange, response, object && (method.equals("GET") || method.equals("HEAD")) ? latest.get(path) : null);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String path, List<String[]> query, byte[] body)
            throws IOException, InterruptedException {
        StringBuilder target = new StringBuilder(path);
        for (int i = 0; i < query.size(); i++) {
            target.append(i == 0 ? '?' : '&').append(query.get(i)[0]);
            if (query.get(i)[1] != null) {
                target.append('=').append(query.get(i)[1]);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend + target.toString()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!UNFORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response, String versionId) throws IOException {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!UNFORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, String.join(",", values));
            }
        });
        if (versionId != null) {
            headers.put("x-amz-version-id", versionId);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) {
            response.headers().firstValue("content-length").ifPresent(length -> headers.put("Content-Length", length));
        }
        reply(exchange, response.statusCode(), headers, response.body(), head);
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, byte[] body, boolean head) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (head || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code /bucket/key}, not a bucket's own path. */
    private static boolean isObject(String path) {
        int slash = path.indexOf('/', 1);
        return slash > 0 && slash < path.length() - 1;
    }

    private static String versionPath(String path, String versionId) {
        int slash = path.indexOf('/', 1);
        return path.substring(0, slash + 1) + VERSIONS + path.substring(slash + 1) + "/" + versionId;
    }

    /** Opaque, as S3's are, but issued in order. */
    private String nextVersionId() {
        return "v" + Long.toString(sequence.incrementAndGet(), 36) + "." + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
    }

    private static List<String[]> query(String raw) {
        List<String[]> parameters = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            parameters.add(equals < 0 ? new String[] {pair, null} : new String[] {pair.substring(0, equals), pair.substring(equals + 1)});
        }
        return parameters;
    }

    private static String remove(List<String[]> query, String name) {
        for (int i = 0; i < query.size(); i++) {
            if (query.get(i)[0].equals(name)) {
                String value = query.remove(i)[1];
                return value == null ? "" : URLDecoder.decode(value, StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
