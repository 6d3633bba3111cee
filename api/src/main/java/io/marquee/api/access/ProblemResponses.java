package io.marquee.api.access;

import java.net.URI;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import io.marquee.api.web.Problems;

/**
 * The answers access control gives itself, before any controller runs, as problems: 400 for a request the firewall
 * refuses, 401 (one answer whether the key was missing, unknown or malformed: a guesser learns nothing from it), 403
 * and 429.
 */
final class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    Mono<Void> unauthorized(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "This request needs a valid API key: X-Api-Key, or Authorization: ApiKey <key>.");
    }

    Mono<Void> forbidden(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The request's credentials do not allow this.");
    }

    Mono<Void> rejected(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.BAD_REQUEST, "rejected-request", "Bad request",
                "The request's path or headers are not accepted: encoded slashes, dots or percent signs, semicolons, "
                        + "empty or dot segments, and control characters are refused.");
    }

    Mono<Void> rateLimited(ServerWebExchange exchange, long retryAfterSeconds) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "This client has used its requests for now. Retry after " + retryAfterSeconds + " seconds.");
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
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
