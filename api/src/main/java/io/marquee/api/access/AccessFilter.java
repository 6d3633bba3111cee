package io.marquee.api.access;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.marquee.api.identity.Caller;
import io.marquee.api.web.Problems;
import io.marquee.api.web.SearchPage;
import io.marquee.text.Digests;

/**
 * Lets a request through when its key (or, for searches, anonymity) allows what it asks and its client has a token
 * left; otherwise answers 401, 403 or 429 itself. A 401 never says whether the key was missing, unknown or malformed.
 */
@Component
class AccessFilter implements WebFilter, Ordered {

    static final String API_KEY = "X-Api-Key";
    private static final String APIKEY_SCHEME = "ApiKey ";
    private static final Set<Scope> READ = EnumSet.of(Scope.SEARCH, Scope.ADMIN);
    private static final Set<Scope> WRITE = EnumSet.of(Scope.WRITE, Scope.ADMIN);
    private static final Set<Scope> ADMIN = EnumSet.of(Scope.ADMIN);

    private final Map<String, AccessProperties.Key> keysByHash;
    private final AccessProperties.Anonymous anonymous;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final ObjectMapper json;

    AccessFilter(AccessProperties properties, ObjectMapper json) {
        this.keysByHash = properties.keys().stream().collect(Collectors.toUnmodifiableMap(AccessProperties.Key::sha256, Function.identity()));
        this.anonymous = properties.anonymous();
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Set<Scope> needed = needed(exchange.getRequest());
        if (needed.isEmpty()) {
            return chain.filter(exchange);
        }
        Caller caller = Caller.of(exchange);
        String presented = presentedKey(exchange.getRequest());
        String client;
        TokenBucket bucket;
        if (presented != null) {
            AccessProperties.Key key = keysByHash.get(sha256(presented));
            if (key == null) {
                return unauthorized(exchange);
            }
            if (key.scopes().stream().noneMatch(needed::contains)) {
                return refuse(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The request's credentials do not allow this.");
            }
            client = key.clientId();
            bucket = buckets.get("key:" + client, k -> new TokenBucket(key.rate(), key.burst(), System::nanoTime));
        }
        else if (anonymous.enabled() && needed == READ) {
            client = Caller.ANONYMOUS;
            bucket = buckets.get("source:" + caller.source(), k -> new TokenBucket(anonymous.rate(), anonymous.burst(), System::nanoTime));
        }
        else {
            return unauthorized(exchange);
        }
        TokenBucket.Outcome outcome = bucket.take();
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Integer.toString(outcome.limit()));
        headers.set("RateLimit-Remaining", Integer.toString(outcome.remaining()));
        headers.set("RateLimit-Reset", Long.toString(outcome.resetSeconds()));
        if (!outcome.allowed()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.resetSeconds()));
            return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "This client has used its requests for now. Retry after " + outcome.resetSeconds() + " seconds.");
        }
        Caller identified = caller.forClient(client);
        exchange.getAttributes().put(Caller.KEY, identified);
        return chain.filter(exchange).contextWrite(Context.of(Caller.KEY, identified));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    /** The scopes any one of which allows the request; none for what anyone may see (health probes, API docs). */
    static Set<Scope> needed(ServerHttpRequest request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && request.getHeaders().containsKey(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            // A CORS preflight: browsers send it without credentials; the request it announces is checked itself.
            return Set.of();
        }
        String path = request.getPath().pathWithinApplication().value();
        if (path.startsWith("/actuator/health") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")
                || path.startsWith("/webjars/swagger-ui") || SearchPage.isPagePath(path)) {
            return Set.of();
        }
        if (path.startsWith("/actuator/")) {
            return ADMIN;
        }
        if (HttpMethod.POST.equals(request.getMethod()) || path.endsWith("/history")) {
            return WRITE;
        }
        return READ;
    }

    private static String presentedKey(ServerHttpRequest request) {
        String key = request.getHeaders().getFirst(API_KEY);
        if (key != null) {
            return key.strip();
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, APIKEY_SCHEME, 0, APIKEY_SCHEME.length())) {
            return authorization.substring(APIKEY_SCHEME.length()).strip();
        }
        // Any other Authorization scheme is credentials we do not accept: refused, not treated as anonymous.
        return authorization;
    }

    static String sha256(String key) {
        return Digests.sha256Hex(key, Digests.SHA256_BYTES);
    }

    /** One answer whether the key was missing, unknown or malformed: a guesser learns nothing from it. */
    private Mono<Void> unauthorized(ServerWebExchange exchange) {
        return refuse(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "This request needs a valid API key: X-Api-Key, or Authorization: ApiKey <key>.");
    }

    private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey");
        }
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
        }
        catch (JsonProcessingException ex) {
            return Mono.error(ex);
        }
    }
}
