package io.marquee.api.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An exception that is the client's answer: it names its own problem (status, type, title; the message is the
 * detail), and {@link ProblemHandling}, the API's one mapping of exceptions to problems, writes it. A capability's
 * exceptions extend it where they are thrown instead of each capability mapping them in an advice of its own.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    /** Without a stack trace: the exception is an answer, not a fault. */
    protected ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** Members the problem carries besides the standard ones, such as the offending parameter. */
    protected Map<String, Object> properties() {
        return Map.of();
    }

    /** The RFC 7807 problem this exception answers with. */
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(status, type, title, getMessage());
        properties().forEach(problem::setProperty);
        return problem;
    }
}
