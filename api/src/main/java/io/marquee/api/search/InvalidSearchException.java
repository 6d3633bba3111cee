package io.marquee.api.search;

/**
 * A search request that cannot be run as given: which parameter, and why, in words fit for the client.
 */
public class InvalidSearchException extends RuntimeException {

    private final String parameter;

    public InvalidSearchException(String parameter, String detail) {
        super(detail, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
