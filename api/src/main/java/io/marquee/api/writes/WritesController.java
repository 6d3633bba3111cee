package io.marquee.api.writes;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;


/**
 * {@code POST /v1/movies} and the original contract's {@code POST /movie}: 202 with the stored object's key.
 */
@RestController
@ConditionalOnProperty(name = "marquee.api.writes.enabled", havingValue = "true")
class WritesController {

    private final MovieSubmissions submissions;

    WritesController(MovieSubmissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping({"/v1/movies", "/movie"})
    @Operation(summary = "Submit a movie; it is searchable once the indexer has taken it from S3")
    Mono<ResponseEntity<Accepted>> submit(@RequestBody JsonNode movie) {
        return submissions.submit(movie).map(accepted -> ResponseEntity.accepted()
                .location(URI.create("/v1/movies/" + accepted.id())).body(accepted));
    }
}
