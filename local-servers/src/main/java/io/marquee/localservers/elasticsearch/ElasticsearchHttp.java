package io.marquee.localservers.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A few raw HTTP calls to a cluster, for the launcher's health checks and test clean-up, so this module
 * needs no Elasticsearch client of its own.
 */
public final class ElasticsearchHttp {

    private final HttpClient http;
    private final ElasticsearchEndpoint endpoint;

    public ElasticsearchHttp(ElasticsearchEndpoint endpoint) {
        this.endpoint = endpoint;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        endpoint.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    /** Documents in {@code target} (an index, alias or pattern) once refreshed; 0 while it does not exist. */
    public long count(String target) {
        post("/" + target + "/_refresh", null);
        Response response = get("/" + target + "/_count");
        if (!response.ok()) {
            return 0;
        }
        String body = response.body();
        int start = body.indexOf("\"count\":") + 8;
        return Long.parseLong(body.substring(start, body.indexOf(',', start)));
    }

    public Response send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.uri() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (endpoint.hasCredentials()) {
            String token = endpoint.username() + ":" + endpoint.password();
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Elasticsearch", ex);
        }
    }

    /** A status code and body. */
    public record Response(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
