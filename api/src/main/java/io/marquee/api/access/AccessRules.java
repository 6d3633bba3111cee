package io.marquee.api.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.marquee.api.web.PageAssets;

/**
 * Every route the API serves and who may call it, in one list: the security chain is built from it
 * ({@link SecurityConfiguration}), the limiter asks it which answers are free of limits, and a test holds it
 * against every mapped route. Paths are {@link PathPattern}s, matched on the decoded path without matrix
 * parameters, as the router matches them; whatever matches no rule is denied.
 */
final class AccessRules {

    /** Who may make a request. */
    enum Access {
        /** Anyone, without a key or a limit: probes, the API's docs, the search page. */
        OPEN(Set.of()),
        /** A key with the search or admin scope, or no key while anonymous search is on. */
        SEARCH(EnumSet.of(Scope.SEARCH, Scope.ADMIN)),
        /** A key with the write or admin scope. */
        WRITE(EnumSet.of(Scope.WRITE, Scope.ADMIN)),
        /** A key with the admin scope. */
        ADMIN(EnumSet.of(Scope.ADMIN));

        private final Set<Scope> scopes;

        Access(Set<Scope> scopes) {
            this.scopes = scopes;
        }

        /** The scopes any one of which allows the request. */
        Set<Scope> scopes() {
            return scopes;
        }

        /** Whether a key with these scopes may make the request. */
        boolean permits(Set<Scope> held) {
            return held.stream().anyMatch(scopes::contains);
        }

        /** Whether a request without a key may make it: only a search, and only while anonymous search is on. */
        boolean permitsAnonymous(AccessProperties.Anonymous anonymous) {
            return this == SEARCH && anonymous.enabled();
        }
    }

    /** One rule: these methods on these paths need this access. */
    record Rule(Access access, Set<HttpMethod> methods, List<String> patterns, List<PathPattern> parsed) {

        Rule(Access access, Set<HttpMethod> methods, List<String> patterns) {
            // Parsed once: every request is matched against them, cache hits included, twice (authentication, limits).
            this(access, methods, patterns, patterns.stream().map(PathPatternParser.defaultInstance::parse).toList());
        }

        boolean matches(HttpMethod method, PathContainer path) {
            return methods.contains(method) && parsed.stream().anyMatch(p -> p.matches(path));
        }
    }

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    /** The exchange attribute holding {@link #isOpen}'s answer. */
    private static final String OPEN = AccessRules.class.getName() + ".open";

    static final List<Rule> RULES = List.of(
            new Rule(Access.OPEN, READS, List.of("/actuator/health", "/actuator/health/**")),
            new Rule(Access.OPEN, READS, List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                    "/webjars/swagger-ui/**")),
            new Rule(Access.OPEN, READS, PageAssets.PATTERNS),
            new Rule(Access.SEARCH, READS, List.of("/v1/movies", "/v1/movies/{id}", "/v1/suggest", "/movies/year/{year}", "/movies/name/{name}",
                    "/movies/castmember/{castmember}", "/movies/genre/{genre}")),
            new Rule(Access.WRITE, READS, List.of("/v1/movies/{id}/history")),
            new Rule(Access.WRITE, Set.of(HttpMethod.POST), List.of("/v1/movies", "/movie")),
            new Rule(Access.ADMIN, READS, List.of("/actuator", "/actuator/**")));

    private AccessRules() {
    }

    /**
     * Whether anyone may make the request without a key or a limit: an open route, or a CORS preflight. Decided once
     * a request: authentication and the limits both ask.
     */
    static boolean isOpen(ServerWebExchange exchange) {
        return exchange.getAttributes().computeIfAbsent(OPEN, name -> {
            ServerHttpRequest request = exchange.getRequest();
            return CorsUtils.isPreFlightRequest(request)
                    || ruleFor(request.getMethod(), request.getPath().pathWithinApplication()).map(rule -> rule.access() == Access.OPEN).orElse(false);
        }) == Boolean.TRUE;
    }

    /** The first rule for a request, as the chain decides it; empty when none matches (denied). */
    static Optional<Rule> ruleFor(HttpMethod method, PathContainer path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }
}
