package io.marquee.api.catalog;

/**
 * Elasticsearch could not answer (unreachable, overloaded, timing out, or the catalogue not yet created).
 * Clients get a 503 with {@code Retry-After}; the cause stays in the logs.
 */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
