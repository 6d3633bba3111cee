package io.marquee.api.web;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for the configured UI origins only, and security headers on every answer: nothing the API returns is a page
 * to render, frame or sniff, except the search page (its own content policy) and Swagger UI (all but the content policy).
 */
@Component
class BrowserPolicy implements WebFilter, WebFluxConfigurer, Ordered {

    private static final String API_CONTENT_POLICY = "default-src 'none'; frame-ancestors 'none'";
    // The search page: its own scripts, styles and API only; posters from Wikimedia, where the data links them.
    private static final String PAGE_CONTENT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' https://upload.wikimedia.org; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final WebProperties properties;

    BrowserPolicy(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (properties.corsOrigins().stream().allMatch(String::isBlank)) {
            return;
        }
        String[] origins = properties.corsOrigins().stream().filter(origin -> !origin.isBlank()).toArray(String[]::new);
        String[] exposed = {"ETag", "X-Request-Id", "X-Total-Count", "X-Cache", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset"};
        for (String pattern : new String[] {"/v1/**", "/movies/**"}) {
            registry.addMapping(pattern).allowedOrigins(origins).allowedMethods("GET", "HEAD", "POST")
                    .allowedHeaders("X-Api-Key", "Authorization", "If-None-Match", "X-Request-Id", "Content-Type")
                    .exposedHeaders(exposed).maxAge(Duration.ofHours(1).toSeconds());
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (PageAssets.isPagePath(exchange.getRequest().getPath().pathWithinApplication())) {
            headers.set("Content-Security-Policy", PAGE_CONTENT_POLICY);
        }
        else if (!path.startsWith("/swagger-ui") && !path.startsWith("/webjars/")) {
            headers.set("Content-Security-Policy", API_CONTENT_POLICY);
        }
        if (exchange.getRequest().getSslInfo() != null) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
