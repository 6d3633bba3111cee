package io.marquee.api.access;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import io.marquee.text.Digests;

/**
 * API keys as Spring Security sees them: the converter reads what a request presents ({@code X-Api-Key}, or
 * {@code Authorization: ApiKey <key>}; any other {@code Authorization} is credentials we do not accept, refused rather
 * than taken as anonymous), and the manager looks its SHA-256 up among the configured hashes. An authenticated key
 * carries its client id and its scopes as authorities ({@code SCOPE_SEARCH}, …).
 */
final class ApiKeys implements ReactiveAuthenticationManager, ServerAuthenticationConverter {

    static final String API_KEY = "X-Api-Key";
    static final String AUTHORITY_PREFIX = "SCOPE_";
    private static final String APIKEY_SCHEME = "ApiKey ";

    private final KeyRing keys;

    ApiKeys(KeyRing keys) {
        this.keys = keys;
    }

    static String authority(Scope scope) {
        return AUTHORITY_PREFIX + scope.name();
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String presented = presented(exchange.getRequest().getHeaders()::getFirst);
        return presented == null ? Mono.empty() : Mono.just(new Presented(presented));
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        return lookUp((String) authentication.getCredentials()).<Authentication>map(Authenticated::new)
                .map(Mono::just).orElseGet(() -> Mono.error(new BadCredentialsException("Unknown API key")));
    }

    /** The configured key a presented one is, found by its hash. */
    Optional<AccessProperties.Key> lookUp(String presented) {
        return keys.byHash(Digests.sha256Hex(presented, Digests.SHA256_BYTES));
    }

    /**
     * The key a request presents, from its first {@code X-Api-Key} and {@code Authorization} headers: null for none.
     *
     * @param header a request header's first value, or null
     */
    static String presented(UnaryOperator<String> header) {
        String key = header.apply(API_KEY);
        String authorization = header.apply(HttpHeaders.AUTHORIZATION);
        if (key != null) {
            return key.strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, APIKEY_SCHEME, 0, APIKEY_SCHEME.length())) {
            return authorization.substring(APIKEY_SCHEME.length()).strip();
        }
        return authorization;
    }

    /** What a request presented, not yet checked. */
    static final class Presented extends AbstractAuthenticationToken {

        private final String key;

        Presented(String key) {
            super(List.of());
            this.key = key;
        }

        @Override
        public Object getCredentials() {
            return key;
        }

        @Override
        public Object getPrincipal() {
            return "";
        }
    }

    /** A configured key: its client and its scopes. */
    static final class Authenticated extends AbstractAuthenticationToken {

        private final AccessProperties.Key key;

        Authenticated(AccessProperties.Key key) {
            super(key.scopes().stream().map(scope -> (GrantedAuthority) new SimpleGrantedAuthority(authority(scope))).toList());
            this.key = key;
            setAuthenticated(true);
        }

        AccessProperties.Key key() {
            return key;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return key.clientId();
        }
    }
}
