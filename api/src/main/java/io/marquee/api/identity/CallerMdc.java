package io.marquee.api.identity;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Moves the caller between the Reactor context and the logging MDC, so a log line written on a request's behalf, on
 * whichever thread, carries {@code requestId}, {@code clientId} and {@code source}. Registered with the context
 * propagation library through {@code META-INF/services}, for code that restores a context's thread locals where it
 * logs ({@code ContextSnapshotFactory#setThreadLocalsFrom}); {@link #with} for code that has the caller at hand.
 * Nothing restores them around every operator: that cost more than it gave.
 */
public final class CallerMdc implements ThreadLocalAccessor<Caller> {

    static final String REQUEST_ID = "requestId";
    static final String CLIENT_ID = "clientId";
    static final String SOURCE = "source";

    /** Runs {@code work} (a log line, usually) with this caller in the MDC; with none, as it is. */
    public static void with(Object caller, Runnable work) {
        if (!(caller instanceof Caller known)) {
            work.run();
            return;
        }
        CallerMdc mdc = new CallerMdc();
        mdc.setValue(known);
        try {
            work.run();
        }
        finally {
            mdc.setValue();
        }
    }

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
