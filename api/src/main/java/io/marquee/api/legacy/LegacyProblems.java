package io.marquee.api.legacy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.marquee.api.web.Problems;

@RestControllerAdvice(assignableTypes = LegacyMoviesController.class)
class LegacyProblems {

    @ExceptionHandler
    ProblemDetail noMatch(NoMatchException ex) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "No matching movies", ex.getMessage());
    }
}
