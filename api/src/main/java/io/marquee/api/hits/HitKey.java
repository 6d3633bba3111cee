package io.marquee.api.hits;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * What a response is recorded under: the request target as it came (so the decoded path, the route and the access rule
 * are those of the request recorded), and the request headers that can change the response (content negotiation, CORS,
 * the host) or the way it is sent (over TLS or not).
 */
record HitKey(String target, String accept, String origin, String host, boolean secure) {

    static HitKey of(String target, HttpHeaders headers, boolean secure) {
        return new HitKey(target, headers.get(HttpHeaderNames.ACCEPT), headers.get(HttpHeaderNames.ORIGIN), headers.get(HttpHeaderNames.HOST), secure);
    }

    /** The heap the key takes, roughly: for the recorded responses' byte budget. */
    int weight() {
        return 64 + 2 * (target.length() + length(accept) + length(origin) + length(host));
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
