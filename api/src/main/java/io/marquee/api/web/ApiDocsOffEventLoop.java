package io.marquee.api.web;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the OpenAPI document off the event loops. springdoc builds it under a lock, at start-up in the background
 * ({@code springdoc.pre-loading-enabled}): a request arriving before that build is done waits on the lock, which on an
 * event loop would stall every other request of that loop (BlockHound caught it in the tests).
 */
@Component
class ApiDocsOffEventLoop implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.startsWith("/v3/api-docs") ? chain.filter(exchange).subscribeOn(Schedulers.boundedElastic()) : chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
