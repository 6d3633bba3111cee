package io.marquee.api.hits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Timer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import io.marquee.api.access.Admissions;
import io.marquee.api.cache.ResponseCache;
import io.marquee.api.identity.Callers;

/**
 * A response recorded to be sent again: the cached answer it was made from (sent only while that is fresh), the gate
 * of its route, its headers less those that differ per request, its body, and its request metric per client.
 */
final class Hit {

    private static final String HIT = "hit";

    private final ResponseCache.Answer answer;
    private final Admissions.Gate gate;
    private final HttpHeaders headers;
    private final ByteBuf body;
    private final Function<String, Timer> timerFor;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final int weight;

    /**
     * @param headers the response's headers less those differing per request; not changed after
     * @param timerFor the request metric of a client, as the stack would record it for this response
     */
    Hit(ResponseCache.Answer answer, Admissions.Gate gate, HttpHeaders headers, byte[] body, Function<String, Timer> timerFor, int keyWeight) {
        this.answer = answer;
        this.gate = gate;
        this.headers = headers;
        // Never released: a heap buffer, reclaimed with the hit; each response sends a duplicate of it.
        this.body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body));
        this.timerFor = timerFor;
        this.weight = keyWeight + body.length + 64 * headers.size() + 256;
    }

    boolean fresh() {
        return answer.fresh();
    }

    Admissions.Gate gate() {
        return gate;
    }

    int weight() {
        return weight;
    }

    Timer timer(String client) {
        return timers.computeIfAbsent(client, timerFor);
    }

    /** The response for one request: the recorded one with this request's id, limit and {@code X-Cache: hit}. */
    FullHttpResponse response(String requestId, Admissions.Admitted admitted, boolean keepAlive) {
        HttpHeaders sent = new DefaultHttpHeaders(false).add(headers);
        sent.add(Callers.REQUEST_ID, requestId);
        admitted.headers(sent::add);
        sent.add(ResponseCache.X_CACHE, HIT);
        if (!keepAlive) {
            sent.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body.duplicate(), sent, EmptyHttpHeaders.INSTANCE);
    }
}
