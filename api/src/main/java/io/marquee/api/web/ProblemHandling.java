package io.marquee.api.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import io.marquee.api.catalog.CatalogProperties;
import io.marquee.api.catalog.CatalogRefusedException;
import io.marquee.api.catalog.CatalogUnavailableException;
import io.marquee.api.identity.Caller;
import io.marquee.api.identity.CallerMdc;

/**
 * The API's one mapping of exceptions to RFC 7807 problems: framework errors (bad input, unknown routes, wrong
 * methods), a capability's {@link ProblemException}s as the problem each names, Elasticsearch outages as 503 with
 * {@code Retry-After}, requests Elasticsearch refuses as 400, and anything unexpected as a 500 that says nothing about
 * the internals. The most specific handler wins, so nothing rests on the order advices are registered in.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final CatalogProperties catalog;

    ProblemHandling(CatalogProperties catalog) {
        this.catalog = catalog;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> answered(ProblemException ex) {
        return ResponseEntity.status(ex.status()).body(ex.problem());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(CatalogUnavailableException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Search temporarily unavailable",
                "The movie catalogue cannot answer right now. Retry after " + catalog.retryAfter().toSeconds() + " seconds.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, catalog.retryAfter().toSeconds())))
                .body(problem);
    }

    /** Elasticsearch would not run the request as asked: the client's to change, logged once by the catalogue. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(CatalogRefusedException ex) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST, "unsearchable",
                "Search cannot be run", "The catalogue cannot run this request as asked. Make it smaller or simpler and try again."));
    }

    @ExceptionHandler
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception ex, ServerWebExchange exchange) {
        CallerMdc.with(exchange.getAttribute(Caller.KEY),
                () -> log.error("Unexpected error serving {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex));
        return Mono.just(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                        "Something went wrong on our side. It has been logged.")));
    }
}
