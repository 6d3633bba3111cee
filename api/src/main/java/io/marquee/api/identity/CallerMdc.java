package io.marquee.api.identity;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Moves the caller between the Reactor context and the logging MDC, so every log line written on a request's behalf,
 * on whichever thread, carries {@code requestId}, {@code clientId} and {@code source}. Registered with the context
 * propagation library through {@code META-INF/services}; Reactor applies it with
 * {@code spring.reactor.context-propagation=auto}.
 */
public final class CallerMdc implements ThreadLocalAccessor<Caller> {

    static final String REQUEST_ID = "requestId";
    static final String CLIENT_ID = "clientId";
    static final String SOURCE = "source";

    @Override
    public Object key() {
        return Caller.KEY;
    }

    @Override
    public Caller getValue() {
        String requestId = MDC.get(REQUEST_ID);
        return requestId == null ? null : new Caller(requestId, MDC.get(CLIENT_ID), MDC.get(SOURCE));
    }

    @Override
    public void setValue(Caller caller) {
        MDC.put(REQUEST_ID, caller.requestId());
        MDC.put(CLIENT_ID, caller.clientId());
        MDC.put(SOURCE, caller.source());
    }

    @Override
    public void setValue() {
        MDC.remove(REQUEST_ID);
        MDC.remove(CLIENT_ID);
        MDC.remove(SOURCE);
    }
}
