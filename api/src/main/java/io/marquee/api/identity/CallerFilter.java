package io.marquee.api.identity;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Identifies every request before anything else handles it: answers carry its {@code X-Request-Id}, and its caller
 * goes into the Reactor context, from which {@link CallerMdc} puts it into the logging MDC of whatever thread works on
 * the request.
 */
@Component
class CallerFilter implements WebFilter, Ordered {

    private final Callers callers;

    CallerFilter(Callers callers) {
        this.callers = callers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Caller caller = callers.of(exchange.getRequest());
        exchange.getAttributes().put(Caller.KEY, caller);
        exchange.getResponse().getHeaders().set(Callers.REQUEST_ID, caller.requestId());
        return chain.filter(exchange).contextWrite(Context.of(Caller.KEY, caller));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
