package io.marquee.api.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.reactive.CorsUtils;

/**
 * Access control on Spring Security: one chain whose rules are {@link AccessRules#RULES}, in order, ending in
 * {@code denyAll}; API keys authenticated by an {@link AuthenticationWebFilter} ({@link ApiKeys}); no sessions, no
 * cookies, no login pages; and the strict exchange firewall, whose refusals are problems. Security headers are
 * {@code web.BrowserPolicy}'s, and caching headers the response cache's, so Spring Security writes none.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    KeyRing keyRing(AccessProperties properties, jakarta.validation.Validator validator, ClientBuckets buckets) {
        return new KeyRing(properties, validator, buckets);
    }

    @Bean
    ApiKeys apiKeys(KeyRing keys) {
        return new ApiKeys(keys);
    }

    @Bean
    ProblemResponses accessProblems(ObjectMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    SecurityWebFilterChain accessChain(ServerHttpSecurity http, ApiKeys keys, ProblemResponses problems, AccessProperties properties,
            RateLimits limits) {
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(keys);
        authentication.setServerAuthenticationConverter(keys);
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        // Open routes ignore credentials, as a probe or the page must work whatever a client sends.
        authentication.setRequiresAuthenticationMatcher(exchange -> AccessRules.isOpen(exchange) ? MatchResult.notMatch() : MatchResult.match());
        authentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler((exchange, ex) ->
                limits.unauthorized(exchange)));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, ex) -> limits.unauthorized(exchange))
                        .accessDeniedHandler((exchange, ex) -> problems.forbidden(exchange)))
                .authorizeExchange(exchanges -> {
                    // A CORS preflight: browsers send it without credentials; the request it announces is checked itself.
                    exchanges.matchers(exchange -> CorsUtils.isPreFlightRequest(exchange.getRequest()) ? MatchResult.match()
                            : MatchResult.notMatch()).permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        for (HttpMethod method : rule.methods()) {
                            var access = exchanges.pathMatchers(method, rule.patterns().toArray(String[]::new));
                            if (rule.access() == AccessRules.Access.OPEN) {
                                access.permitAll();
                            }
                            else {
                                access.access(allowing(rule.access(), rule.access().permitsAnonymous(properties.anonymous())));
                            }
                        }
                    }
                    exchanges.anyExchange().denyAll();
                })
                .build();
    }

    /** Allows a key holding one of the access's scopes, and, when {@code anonymous}, a request with no key. */
    private static ReactiveAuthorizationManager<AuthorizationContext> allowing(AccessRules.Access access, boolean anonymous) {
        return (authentication, context) -> authentication
                .filter(Authentication::isAuthenticated)
                .ofType(ApiKeys.Authenticated.class)
                .map(key -> new AuthorizationDecision(access.permits(key.key().scopes())))
                .defaultIfEmpty(new AuthorizationDecision(anonymous));
    }

    /**
     * No observations of the security chain: with them, each of its filters and each authentication and authorization
     * is wrapped in an observation, on every request, and a profile found that among the larger costs of a request.
     * Requests are observed whole (http.server.requests), refusals included.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, explicitly: encoded slashes, periods and percent signs, semicolons and unnormalised paths refused. */
    @Bean
    ServerWebExchangeFirewall exchangeFirewall() {
        return new StrictServerWebExchangeFirewall();
    }

    @Bean
    ServerExchangeRejectedHandler exchangeRejected(ProblemResponses problems) {
        return (exchange, ex) -> problems.rejected(exchange);
    }

}
