package io.marquee.api.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Closed-loop load on a running API for the fault tests: some clients ask questions the API has cached, in turn, one
 * asks a new question each time (so Elasticsearch is asked), and every answer is kept with its time.
 */
final class SteadyLoad {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger asked = new AtomicInteger();
    private final int port;
    private final List<String> cached;

    SteadyLoad(int port, List<String> cached) {
        this.port = port;
        this.cached = List.copyOf(cached);
    }

    /** Three clients asking the cached questions and one asking new ones, for {@code duration}. */
    Phase run(Duration duration) throws InterruptedException {
        Phase phase = new Phase();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            boolean asksNew = c == 0;
            int offset = c;
            Thread thread = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    if (asksNew) {
                        phase.uncached.add(get("/v1/movies?q=uncached+" + asked.incrementAndGet()));
                    }
                    else {
                        phase.cached.add(get(cached.get(i % cached.size())));
                    }
                }
            }, "steady-load-" + c);
            clients.add(thread);
            thread.start();
        }
        for (Thread thread : clients) {
            thread.join();
        }
        return phase;
    }

    Answer await(String path, Predicate<Answer> condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Answer answer = get(path);
        while (!condition.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = get(path);
        }
        return answer;
    }

    Answer get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            // A success's body is not kept: thousands of them would fill the heap the soak test watches.
            String body = response.statusCode() == 200 && !path.startsWith("/actuator") ? "" : response.body();
            return new Answer(response.statusCode(), response.headers(), body, Duration.ofNanos(System.nanoTime() - started));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            return new Answer(0, null, ex.toString(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** One answer: status 0 when no answer came at all; the body only of failures and actuator answers. */
    record Answer(int status, HttpHeaders headers, String body, Duration took) {

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " X-Cache=" + header("X-Cache") + " Warning=" + header("Warning") + " in " + took.toMillis() + " ms"
                    + (status == 200 ? "" : ": " + body);
        }
    }

    /** The answers of one phase of a fault test. */
    static final class Phase {

        final List<Answer> cached = Collections.synchronizedList(new ArrayList<>());
        final List<Answer> uncached = Collections.synchronizedList(new ArrayList<>());

        List<Answer> all() {
            List<Answer> all = new ArrayList<>(cached);
            all.addAll(uncached);
            return all;
        }

        long count(Predicate<Answer> which) {
            return all().stream().filter(which).count();
        }

        Duration slowest() {
            return all().stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
        }

        double p99() {
            List<Long> nanos = all().stream().map(answer -> answer.took().toNanos()).sorted().toList();
            return nanos.isEmpty() ? 0 : nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6;
        }
    }
}
