package io.marquee.api.identity;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who sent a request.
 *
 * @param requestId the caller's {@code X-Request-Id} when well-formed, otherwise one made here
 * @param clientId the client the request is made for ({@code anonymous} without credentials)
 * @param source the address the request came from: the connection's peer, or the client a trusted proxy names
 */
public record Caller(String requestId, String clientId, String source) {

    public static final String ANONYMOUS = "anonymous";
    /** The metric tag naming a request's client (its configured client id, or {@link #ANONYMOUS}). */
    public static final String CLIENT_TAG = "client";
    /** Where a request's caller is kept: the exchange's attributes and the Reactor context, under this key. */
    public static final String KEY = "marquee.caller";

    /** The caller {@link CallerFilter} identified for this exchange. */
    public static Caller of(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(KEY);
        if (caller == null) {
            throw new IllegalStateException("No caller: CallerFilter runs first");
        }
        return caller;
    }

    /** The same request, now known to be made for this client. */
    public Caller forClient(String client) {
        return new Caller(requestId, client, source);
    }
}
