package io.marquee.api.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.marquee.api.web.Problems;

/**
 * The search capability's exceptions as RFC 7807 problems, wherever they are thrown.
 */
@RestControllerAdvice
class SearchProblems {

    @ExceptionHandler
    ProblemDetail invalidSearch(InvalidSearchException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", ex.getMessage());
        problem.setProperty("parameter", ex.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(MovieNotFoundException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Movie not found", ex.getMessage());
    }
}
