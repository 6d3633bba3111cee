package io.marquee.api.search;

import java.util.Map;
import org.springframework.http.HttpStatus;
import io.marquee.api.web.ProblemException;

/**
 * A search request that cannot be run as given: which parameter, and why, in words fit for the client.
 */
public class InvalidSearchException extends ProblemException {

    private final String parameter;

    public InvalidSearchException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        this.parameter = parameter;
    }

    @Override
    protected Map<String, Object> properties() {
        return Map.of("parameter", parameter);
    }

    public String parameter() {
        return parameter;
    }
}
