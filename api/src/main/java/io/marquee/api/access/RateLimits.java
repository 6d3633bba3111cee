package io.marquee.api.access;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.marquee.api.identity.Caller;

/**
 * After access control let a request through: names its client (the key's client id, or anonymous) for logs and
 * metrics, and takes a token from the client's bucket (a key's own, or its source address's when anonymous),
 * answering 429 when there is none ({@link ClientBuckets}). Open routes (probes, docs, the page, CORS preflights) are not limited; the
 * chain has denied every other request that has no rule.
 */
@Component
class RateLimits implements WebFilter, Ordered {

    /** Right after Spring Security's chain (its {@code WebFilterChainProxy} is at -100), so the key is known. */
    static final int ORDER = -99;

    private final ClientBuckets buckets;
    private final ProblemResponses problems;

    RateLimits(ClientBuckets buckets, ProblemResponses problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (AccessRules.isOpen(exchange)) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication).ofType(ApiKeys.Authenticated.class)
                .map(key -> new Client(key.key().clientId(), buckets.forKey(key.key())))
                .switchIfEmpty(Mono.fromSupplier(() -> new Client(Caller.ANONYMOUS, buckets.forSource(Caller.of(exchange).source()))))
                .flatMap(client -> take(exchange, chain, client.id(), client.bucket()));
    }

    /** Who is asking, and the bucket their requests take from. */
    private record Client(String id, TokenBucket bucket) {
    }

    /**
     * A request refused for its credentials (none where one is needed, or an unknown key): counted against its source
     * address like an anonymous request, so guessing keys costs what searching does. Past the limit it is 429.
     */
    Mono<Void> unauthorized(ServerWebExchange exchange) {
        TokenBucket.Outcome outcome = limited(exchange, buckets.forSource(Caller.of(exchange).source()));
        return outcome.allowed() ? problems.unauthorized(exchange) : problems.rateLimited(exchange, outcome.resetSeconds());
    }

    private Mono<Void> take(ServerWebExchange exchange, WebFilterChain chain, String client, TokenBucket bucket) {
        TokenBucket.Outcome outcome = limited(exchange, bucket);
        if (!outcome.allowed()) {
            return problems.rateLimited(exchange, outcome.resetSeconds());
        }
        Caller identified = Caller.of(exchange).forClient(client);
        exchange.getAttributes().put(Caller.KEY, identified);
        return chain.filter(exchange).contextWrite(Context.of(Caller.KEY, identified));
    }

    private static TokenBucket.Outcome limited(ServerWebExchange exchange, TokenBucket bucket) {
        TokenBucket.Outcome outcome = bucket.take();
        outcome.headers(exchange.getResponse().getHeaders()::set);
        return outcome;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
