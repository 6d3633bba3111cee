package io.marquee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a request's CPU goes: reads a JFR recording of an API under wrk's peak load and shares its execution
 * samples out over the parts of the request path, by the first frame (from the top of the stack) that belongs to a
 * part; frames of the JDK itself count for whoever called them. Given the requests answered and the CPU the process
 * spent meanwhile, each share becomes microseconds of CPU per request.
 */
final class Profile {

    /** Parts of the path, by the package a frame is in; the first that matches, from the top of the stack, takes the sample. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("io.marquee.api.hits", "hits answered on the connection");
        PARTS.put("io.marquee.api.cache", "response cache (lookup, ETag, encoded bytes)");
        PARTS.put("io.marquee.api.access", "access: keys, rules, rate limits");
        PARTS.put("io.marquee.api.identity", "request identity (caller, MDC)");
        PARTS.put("io.marquee.api", "Marquee: controllers, parameters");
        PARTS.put("org.springframework.security", "Spring Security filter chain");
        PARTS.put("io.micrometer.context", "context propagation (snapshots, thread locals)");
        PARTS.put("io.micrometer.observation", "observation scopes");
        PARTS.put("io.micrometer", "metrics (timers, tags)");
        PARTS.put("io.netty.handler.codec.http", "Netty HTTP codec (headers)");
        PARTS.put("reactor.netty", "Reactor Netty server");
        PARTS.put("io.netty", "Netty I/O (channels, buffers, epoll)");
        PARTS.put("org.springframework.web.reactive", "WebFlux dispatch (handler mapping, result handling)");
        PARTS.put("org.springframework.web.server", "WebFlux filter chain and exchange");
        PARTS.put("org.springframework.http", "Spring HTTP (headers, codecs)");
        PARTS.put("org.springframework", "Spring, other");
        PARTS.put("com.fasterxml.jackson", "JSON");
        PARTS.put("co.elastic.clients", "Elasticsearch client (requests built and sent, responses parsed)");
        PARTS.put("org.elasticsearch.client", "Elasticsearch low-level REST client");
        PARTS.put("org.apache.http", "Apache HTTP client (the REST client's I/O)");
        PARTS.put("reactor.core", "Reactor operators");
        PARTS.put("ch.qos.logback", "logging");
    }

    private Profile() {
    }

    static void write(Path recording, long requests, double cpuSeconds, Path out) throws IOException {
        Map<String, Long> samples = new LinkedHashMap<>();
        PARTS.values().forEach(part -> samples.put(part, 0L));
        samples.put("JDK and GC (no application frame)", 0L);
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            total++;
            samples.merge(part(event.getStackTrace().getFrames()), 1L, Long::sum);
        }
        double microsPerRequest = cpuSeconds * 1_000_000 / Math.max(1, requests);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%d execution samples; %d requests answered on %.1f s of CPU: %.0f µs of "
                + "CPU a request.%n%n| part of the path | samples | share | µs a request |%n|---|---|---|---|%n", total, requests, cpuSeconds,
                microsPerRequest));
        long all = Math.max(1, total);
        samples.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %.1f |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / all, microsPerRequest * e.getValue() / all)));
        Files.writeString(out, md);
        System.out.println(md);
    }

    private static String part(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> part : PARTS.entrySet()) {
                if (type.startsWith(part.getKey() + ".")) {
                    return part.getValue();
                }
            }
        }
        return "JDK and GC (no application frame)";
    }
}
