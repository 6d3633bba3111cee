package io.marquee.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import io.marquee.localservers.aws.LocalAws;
import io.marquee.localservers.aws.ProviderUploads;
import io.marquee.localservers.aws.S3EventNotifications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile requests and deliveries of {@code docs/security.md}, read from its tables and sent to the real stack
 * (Elasticsearch, S3Proxy, ElasticMQ, the indexer consuming, the API serving), each asserted to get the answer the
 * table documents; between them, the API keeps answering, and nothing valid is lost.
 */
class HostileInputIntegrationTests {

    private static final Path SECURITY = Path.of("../docs/security.md");
    private static final Pattern ROW = Pattern.compile("^\\| ([RF]\\d+) \\| (.+?) \\| (.+?) \\| (.+?) \\|$");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern EXPANSION = Pattern.compile("\\{(U\\+[0-9A-F]{4}|[^*{}]+)\\*(\\d+)}");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Path state;
    private static LocalStack stack;
    private static StackState settings;

    @BeforeAll
    static void startStack() throws IOException {
        state = Files.createTempDirectory("hostile-stack");
        // Writes on, so that hostile bodies meet the writes route (they never reach the bucket).
        StackOptions options = new StackOptions(Path.of("../api/target/api-exec.jar"), Path.of("../indexer/target/indexer-exec.jar"),
                List.of(Path.of("../sample/movies-sample.json")), freePort(), state, List.of("--marquee.api.writes.enabled=true"));
        stack = LocalStack.start(options);
        settings = stack.state();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void answersEveryHostileRequestAsDocumentedAndKeepsAnswering() throws IOException, InterruptedException {
        List<String[]> rows = rows("R");
        assertThat(rows).as("hostile requests in docs/security.md").hasSizeGreaterThanOrEqualTo(40);
        List<String> wrong = new ArrayList<>();
        for (String[] row : rows) {
            RawResponse answer = send(row[1]);
            String expected = row[2];
            if (!answeredAsDocumented(answer, expected)) {
                wrong.add(row[0] + " " + row[1] + ": expected " + expected + ", got " + answer.status() + " " + abbreviate(answer.body()));
            }
            // Paced below the anonymous limit (20/s): the rows test their own answers, not the rate limit.
            Thread.sleep(60);
            RawResponse alive = send("`GET /actuator/health/readiness`");
            if (alive.status() != 200) {
                wrong.add(row[0] + ": the API stopped answering (readiness " + alive.status() + ")");
            }
        }
        assertThat(wrong).as("requests not answered as documented").isEmpty();
        assertThat(send("`GET /v1/movies?q=heat` `X-Api-Key: $ADMIN`").body()).contains("\"title\":\"Heat\"");
    }

    @Test
    void endsEveryHostileDeliveryAsDocumentedAndLosesNothingValid() throws Exception {
        List<String[]> rows = rows("F");
        assertThat(rows).as("hostile deliveries in docs/security.md").hasSizeGreaterThanOrEqualTo(10);
        try (S3Client s3 = LocalAws.s3Client(settings.aws()); SqsClient sqs = LocalAws.sqsClient(settings.aws())) {
            HostileDeliveries deliveries = new HostileDeliveries(s3, sqs);
            for (String[] row : rows) {
                deliveries.deliver(row[0]);
            }
            List<String> wrong = new ArrayList<>();
            for (String[] row : rows) {
                String failure = deliveries.check(row[0], row[2]);
                if (failure != null) {
                    wrong.add(row[0] + " " + row[1] + ": " + failure);
                }
            }
            assertThat(wrong).as("deliveries not ending as documented").isEmpty();

            // The workers all survived: a delivery after everything is indexed, and the consumer is healthy.
            deliveries.uploads.deliver("incoming/wikipedia/after-the-storm.ndjson", movie("Hostile Aftermath") + "\n");
            await("the delivery after them indexed", () -> found("Hostile Aftermath"));
            RawResponse health = RawResponse.get(indexerUri("/actuator/health/liveness"));
            assertThat(health.status()).isEqualTo(200);
        }
    }

    /** Sends a delivery case and checks its outcome, as the F table names them. */
    private final class HostileDeliveries {

        private final S3Client s3;
        private final SqsClient sqs;
        private final ProviderUploads uploads;
        private final Map<String, String> replayed = new LinkedHashMap<>();

        HostileDeliveries(S3Client s3, SqsClient sqs) {
            this.s3 = s3;
            this.sqs = sqs;
            this.uploads = new ProviderUploads(s3, sqs, settings.region(), settings.bucket(), settings.queueUrl());
        }

        void deliver(String id) throws Exception {
            switch (id) {
                case "F1" -> {
                    Map<String, byte[]> bomb = new LinkedHashMap<>();
                    bomb.put("movies_metadata.csv", metadata("Hostile Bomb", "[]").getBytes(StandardCharsets.UTF_8));
                    bomb.put("filler.csv", new byte[30 * 1024 * 1024]);
                    uploads.deliver("incoming/kaggle/bomb.zip", zip(bomb));
                }
                case "F2" -> uploads.deliver("incoming/kaggle/climb.zip", zip(Map.of("movies_metadata.csv", metadata("Hostile Climb", "[]")
                        .getBytes(StandardCharsets.UTF_8), "../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8))));
                case "F3" -> uploads.deliver("incoming/kaggle/nested.zip", zip(Map.of("movies_metadata.csv", metadata("Hostile Nested", "[]")
                        .getBytes(StandardCharsets.UTF_8), "inner.zip", new byte[] {'P', 'K', 3, 4})));
                case "F4" -> uploads.deliver("incoming/wikipedia/giant.ndjson", movie("Hostile Before") + "\n{\"title\": \"Hostile Giant\", "
                        + "\"year\": 2001, \"extract\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}\n" + movie("Hostile After") + "\n");
                case "F5" -> uploads.deliver("incoming/wikipedia/crowd.ndjson", "{\"title\": \"Hostile Crowd\", \"year\": 2001, \"cast\": ["
                        + "\"Extra Person\",".repeat(599) + "\"Last Extra\"]}\n" + movie("Hostile Crowdless") + "\n");
                case "F6" -> uploads.deliver("incoming/wikipedia/deep.json", "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]");
                case "F7" -> uploads.deliver("incoming/wikipedia/names.zip", zip(Map.of("movies_metadata.csv",
                        metadata("Hostile Wrong Format", "[]").getBytes(StandardCharsets.UTF_8))));
                case "F8" -> uploads.deliver("incoming/stranger/movies.json", "[" + movie("Hostile Stranger") + "]");
                case "F9" -> uploads.deliver("incoming/api/takeover.json", "[{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Nobody\"], "
                        + "\"href\": \"Heat_(1995_film)\"}]");
                case "F10" -> uploads.deliver("incoming/kaggle/long-names.zip", zip(Map.of("movies_metadata.csv",
                        metadata("Hostile Long Names", "[{'id': 1, 'name': '" + "n".repeat(100_000) + "'}]").getBytes(StandardCharsets.UTF_8))));
                case "F11" -> uploads.send("this is { not JSON");
                case "F12" -> uploads.send(S3EventNotifications.objectCreated(settings.region(), settings.bucket(),
                        "incoming/wikipedia/100%.json", 10, "etag", null).replace("100%25.json", "100%.json"));
                case "F13" -> uploads.send(S3EventNotifications.objectCreated(settings.region(), "another-tenants-bucket",
                        "incoming/wikipedia/theirs.json", 10, "etag", null));
                case "F14" -> uploads.send(S3EventNotifications.objectCreated(settings.region(), settings.bucket(),
                        "incoming/wikipedia/ancient.json", 10, "etag", null, Instant.now().minus(Duration.ofDays(40))));
                case "F15" -> {
                    String event = uploads.deliver("incoming/wikipedia/replayed.ndjson", movie("Hostile Replayed") + "\n");
                    await("the movie to be deleted indexed", () -> found("Hostile Replayed"));
                    Thread.sleep(1100);
                    uploads.deliver("incoming/wikipedia/replayed-deletion.ndjson",
                            "{\"title\": \"Hostile Replayed\", \"year\": 2001, \"deleted\": true}\n");
                    await("the movie deleted", () -> !found("Hostile Replayed"));
                    uploads.send(event);
                    replayed.put(id, event);
                }
                default -> throw new AssertionError("No delivery for " + id + " in this suite: add it, or take the row out");
            }
        }

        /** Null when the case ended as {@code outcome} says, else what happened instead. */
        String check(String id, String outcome) throws Exception {
            for (String part : outcome.split("; ")) {
                String[] said = part.split(": ", 2);
                String failure = switch (said[0]) {
                    case "quarantined" -> quarantined(id, said[1]);
                    case "kept" -> kept(said[1]);
                    case "dead-lettered" -> deadLettered(said[1]);
                    case "deleted" -> deleted(said[1]);
                    default -> "unknown outcome " + part;
                };
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        }

        private String quarantined(String id, String reason) {
            String key = switch (id) {
                case "F1" -> "quarantine/kaggle/bomb.zip.errors.ndjson";
                case "F2" -> "quarantine/kaggle/climb.zip.errors.ndjson";
                case "F3" -> "quarantine/kaggle/nested.zip.errors.ndjson";
                case "F4" -> "quarantine/wikipedia/giant.ndjson.errors.ndjson";
                case "F5" -> "quarantine/wikipedia/crowd.ndjson.errors.ndjson";
                case "F6" -> "quarantine/wikipedia/deep.json.errors.ndjson";
                case "F7" -> "quarantine/wikipedia/names.zip.errors.ndjson";
                case "F8" -> "quarantine/_unknown/incoming/stranger/movies.json.errors.ndjson";
                case "F9" -> "quarantine/api/takeover.json.errors.ndjson";
                default -> throw new AssertionError("No quarantine record known for " + id);
            };
            String[] record = {null};
            boolean arrived = poll(() -> {
                try {
                    record[0] = s3.getObjectAsBytes(g -> g.bucket(settings.bucket()).key(key)).asUtf8String();
                    return true;
                }
                catch (NoSuchKeyException ex) {
                    return false;
                }
            });
            if (!arrived) {
                return "no quarantine record " + key;
            }
            return record[0].contains(reason) ? null : "quarantine record " + key + " says " + abbreviate(record[0]);
        }

        private String kept(String titles) {
            for (String title : titles.split(", ")) {
                if (!poll(() -> found(title))) {
                    return title + " was lost";
                }
            }
            return null;
        }

        private String deadLettered(String reason) {
            List<String> reasons = new ArrayList<>();
            boolean found = poll(() -> {
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(settings.deadLetterQueueUrl()).maxNumberOfMessages(10)
                        .visibilityTimeout(0).waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                    var attribute = message.messageAttributes().get("marquee-reason");
                    String said = attribute == null ? "(no reason)" : attribute.stringValue();
                    reasons.add(said);
                    if (said.contains(reason)) {
                        return true;
                    }
                }
                return false;
            });
            return found ? null : "no dead letter says '" + reason + "'; they say " + reasons.stream().distinct().toList();
        }

        private String deleted(String title) {
            // The replayed event has been handled once the queue is empty; the movie must still be gone.
            boolean drained = poll(() -> LocalAws.queueDepth(sqs, settings.queueUrl()) == 0);
            if (!drained) {
                return "the queue never drained";
            }
            return found(title) ? title + " came back" : null;
        }
    }

    private static boolean found(String title) {
        try {
            String body = send("`GET /v1/movies?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8) + "` `X-Api-Key: $ADMIN`").body();
            return body.contains("\"title\":\"" + title + "\"");
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String movie(String title) {
        return "{\"title\": \"" + title + "\", \"year\": 2001, \"cast\": [\"Hostile Actor\"], \"genres\": [\"Drama\"]}";
    }

    private static String metadata(String title, String genres) {
        return "id,title,release_date,genres,overview,imdb_id,poster_path,vote_average,vote_count\n"
                + "9" + Math.abs(title.hashCode() % 10_000) + "," + title + ",2001-01-01,\"" + genres + "\",A film.,tt9" + Math.abs(title.hashCode() % 100_000)
                + ",,7.0,10\n";
    }

    private static Path zip(Map<String, byte[]> entries) throws IOException {
        Path zip = Files.createTempFile(state, "bundle", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** The rows of one table of docs/security.md: id, request or delivery, answer or outcome, threat. */
    private static List<String[]> rows(String prefix) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SECURITY)) {
            Matcher row = ROW.matcher(line);
            if (row.matches() && row.group(1).startsWith(prefix)) {
                rows.add(new String[] {row.group(1), row.group(2), row.group(3), row.group(4)});
            }
        }
        return rows;
    }

    private static boolean answeredAsDocumented(RawResponse answer, String expected) {
        String[] parts = expected.split(" ", 2);
        if (answer.status() != Integer.parseInt(parts[0])) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        if (parts[1].startsWith("!")) {
            return !answer.body().contains(parts[1].substring(1));
        }
        return answer.body().contains("\"type\":\"https://marquee.example/problems/" + parts[1] + "\"");
    }

    /**
     * Sends a request as the table writes it: backquoted parts, the first {@code METHOD target}, then headers
     * ({@code Name: value}), then, for a write, the body; {@code $ADMIN} is the stack's admin key.
     */
    private static RawResponse send(String cell) throws IOException {
        List<String> parts = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            parts.add(expand(code.group(1)).replace("$ADMIN", settings.adminKey()));
        }
        String[] requestLine = parts.get(0).split(" ", 2);
        Map<String, String> headers = new LinkedHashMap<>();
        String body = null;
        for (String part : parts.subList(1, parts.size())) {
            int colon = part.indexOf(": ");
            if (body == null && colon > 0 && part.substring(0, colon).matches("[A-Za-z-]+")) {
                headers.put(part.substring(0, colon), part.substring(colon + 2));
            }
            else if (part.endsWith(":") && part.substring(0, part.length() - 1).matches("[A-Za-z-]+")) {
                headers.put(part.substring(0, part.length() - 1), "");
            }
            else {
                body = part;
            }
        }
        return RawResponse.send(stack.apiUri(), requestLine[0], requestLine[1], headers, body);
    }

    /** {@code {x*N}}: N copies of x; {@code {U+XXXX*N}}: N copies of that character, percent-encoded as UTF-8 in a target. */
    private static String expand(String text) {
        Matcher expansion = EXPANSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (expansion.find()) {
            String unit = expansion.group(1);
            if (unit.startsWith("U+")) {
                String character = Character.toString(Integer.parseInt(unit.substring(2), 16));
                unit = text.startsWith("/") || text.contains(" /") ? URLEncoder.encode(character, StandardCharsets.UTF_8) : character;
            }
            expansion.appendReplacement(out, Matcher.quoteReplacement(unit.repeat(Integer.parseInt(expansion.group(2)))));
        }
        expansion.appendTail(out);
        return out.toString();
    }

    private static URI indexerUri(String path) {
        return URI.create("http://localhost:" + (stack.apiUri().getPort() + 1) + path);
    }

    private static void await(String what, BooleanSupplier condition) {
        assertThat(poll(condition)).as(what + " within " + PATIENCE).isTrue();
    }

    private static boolean poll(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** An HTTP/1.1 exchange over a plain socket: the request goes out byte for byte as given, nothing normalised. */
    record RawResponse(int status, String body) {

        static RawResponse get(URI uri) throws IOException {
            return send(URI.create(uri.getScheme() + "://" + uri.getAuthority()), "GET", uri.getRawPath(), Map.of(), null);
        }

        static RawResponse send(URI server, String method, String target, Map<String, String> headers, String body) throws IOException {
            try (Socket socket = new Socket(server.getHost(), server.getPort())) {
                socket.setSoTimeout(30_000);
                ByteArrayOutputStream request = new ByteArrayOutputStream();
                request.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
                Map<String, String> all = new LinkedHashMap<>();
                all.put("Host", server.getHost() + ":" + server.getPort());
                all.putAll(headers);
                all.put("Connection", "close");
                byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
                if (content != null) {
                    all.put("Content-Length", Integer.toString(content.length));
                }
                all.forEach((name, value) -> request.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
                request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
                if (content != null) {
                    request.writeBytes(content);
                }
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                byte[] bytes = request.toByteArray();
                try {
                    // In slices, stopping once the server has answered: a server refusing a body answers and closes before
                    // taking it, and writing on would reset the connection and lose the answer.
                    for (int offset = 0; offset < bytes.length && in.available() == 0; offset += 16 * 1024) {
                        out.write(bytes, offset, Math.min(16 * 1024, bytes.length - offset));
                        out.flush();
                    }
                }
                catch (IOException ex) {
                    // The answer may still be there to read.
                }
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        received.write(buffer, 0, n);
                    }
                }
                catch (java.net.SocketException ex) {
                    // A reset after the answer: what arrived stands.
                }
                byte[] answer = received.toByteArray();
                String text = new String(answer, StandardCharsets.UTF_8);
                if (!text.startsWith("HTTP/1.")) {
                    return new RawResponse(0, text);
                }
                int status = Integer.parseInt(text.substring(9, 12));
                int headersEnd = text.indexOf("\r\n\r\n");
                return new RawResponse(status, headersEnd < 0 ? "" : text.substring(headersEnd + 4));
            }
        }
    }
}
