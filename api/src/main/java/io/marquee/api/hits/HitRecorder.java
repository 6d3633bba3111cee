package io.marquee.api.hits;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

import io.marquee.api.access.Admissions;
import io.marquee.api.cache.ResponseCache;
import io.marquee.api.identity.Caller;
import io.marquee.api.identity.Callers;

/**
 * Records, for {@link HitHandler} to send again, the response the whole stack gave a request it answered from exactly
 * one fresh cached answer with 200: its headers (less those that differ per request), its body, the gate of its route
 * and the metric the stack recorded for it. Last of the filters, so that every header the others set is in it.
 */
final class HitRecorder implements WebFilter, Ordered {

    /** Larger answers are not recorded: sending them costs far more than the stack around them. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** What the observation handler adds to a request's timer besides the convention's tags. */
    private static final String ERROR_TAG = "error";
    private static final String NO_ERROR = "none";

    private final Hits hits;
    private final Admissions admissions;
    private final MeterRegistry registry;
    private final ServerRequestObservationConvention convention;
    private final Set<String> perRequest = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    HitRecorder(Hits hits, Admissions admissions, MeterRegistry registry, ServerRequestObservationConvention convention) {
        this.hits = hits;
        this.admissions = admissions;
        this.registry = registry;
        this.convention = convention;
        perRequest.add(Callers.REQUEST_ID);
        perRequest.add(ResponseCache.X_CACHE);
        perRequest.addAll(Admissions.HEADERS);
        perRequest.add(org.springframework.http.HttpHeaders.WARNING);
        // How this response was framed on its connection (Reactor Netty starts every response chunked), not what it says.
        perRequest.add(org.springframework.http.HttpHeaders.TRANSFER_ENCODING);
        perRequest.add(org.springframework.http.HttpHeaders.CONNECTION);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!(ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof HttpServerRequest raw)
                || !HitRequests.answerable(raw.method(), raw.version(), raw.requestHeaders().iteratorCharSequence())) {
            return chain.filter(exchange);
        }
        ResponseCache.Served served = new ResponseCache.Served();
        ServerHttpResponse recording = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                if (body instanceof Mono<? extends DataBuffer> one) {
                    return super.writeWith(one.doOnNext(buffer -> record(exchange, raw, served, buffer)));
                }
                return super.writeWith(body);
            }
        };
        return chain.filter(exchange.mutate().response(recording).build()).contextWrite(Context.of(ResponseCache.Served.class, served));
    }

    private void record(ServerWebExchange exchange, HttpServerRequest raw, ResponseCache.Served served, DataBuffer buffer) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Optional<ResponseCache.Answer> answer = served.single().filter(ResponseCache.Answer::fresh);
        PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (status != null && status.value() != HttpStatus.OK.value() || answer.isEmpty() || pattern == null
                || buffer.readableByteCount() > MAX_BODY_BYTES) {
            return;
        }
        Optional<Admissions.Gate> gate = admissions.gateFor(exchange);
        if (gate.isEmpty()) {
            return;
        }
        byte[] body = new byte[buffer.readableByteCount()];
        int at = buffer.readPosition();
        buffer.read(body);
        buffer.readPosition(at);
        // The body is most often the cached answer's own JSON: then it is shared, not held twice.
        if (Arrays.equals(body, answer.get().json())) {
            body = answer.get().json();
        }
        HttpHeaders headers = new DefaultHttpHeaders(false);
        exchange.getResponse().getHeaders().forEach((name, values) -> {
            if (!perRequest.contains(name)) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ServerRequestObservationContext observed = new ServerRequestObservationContext(exchange.getRequest(), exchange.getResponse(),
                exchange.getAttributes());
        observed.setPathPattern(pattern.getPatternString());
        KeyValues tags = convention.getLowCardinalityKeyValues(observed);
        HitKey key = HitKey.of(raw.uri(), raw.requestHeaders(), "https".equals(raw.scheme()));
        hits.record(key, new Hit(answer.get(), gate.get(), headers, body, client -> timer(tags, client), key.weight()));
    }

    /** The timer the stack's observation records a request of this response in, for a client. */
    private Timer timer(KeyValues tags, String client) {
        Tags timerTags = Tags.of(ERROR_TAG, NO_ERROR);
        for (KeyValue tag : tags.and(KeyValue.of(Caller.CLIENT_TAG, client))) {
            timerTags = timerTags.and(tag.getKey(), tag.getValue());
        }
        return Timer.builder(convention.getName()).tags(timerTags).register(registry);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
