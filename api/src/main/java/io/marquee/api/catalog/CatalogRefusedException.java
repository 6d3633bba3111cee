package io.marquee.api.catalog;

/**
 * Elasticsearch refused a request as it was asked (a 4xx other than 429): something in the request, such as its
 * size, it will not run. Clients get a 400 problem; the log has one line with Elasticsearch's reason, no trace.
 */
public class CatalogRefusedException extends RuntimeException {

    public CatalogRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
