package io.marquee.api.writes;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import io.marquee.records.MovieValidator;
import io.marquee.records.RecordResult;
import io.marquee.movie.MovieIds;

/**
 * Validates a submitted movie and stores it, as delivered, under {@code incoming/api/<date>/<uuid>.json}.
 */
class MovieSubmissions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final S3AsyncClient s3;
    private final WritesProperties properties;
    private final Clock clock;

    MovieSubmissions(S3AsyncClient s3, WritesProperties properties, Clock clock) {
        this.s3 = s3;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A name no other submission has. Not {@code UUID.randomUUID()}: its SecureRandom reads /dev/urandom, a blocking
     * read on the event loop (BlockHound caught it), and a key in a private bucket needs to be unique, not unguessable.
     */
    private static UUID uniqueName() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong());
    }

    Mono<Accepted> submit(JsonNode movie) {
        RecordResult result = MovieValidator.validate(movie, 1, 1);
        if (result instanceof RecordResult.Rejected rejected) {
            return Mono.error(new InvalidMovieException(rejected.reason()));
        }
        if (!(result instanceof RecordResult.Valid valid)) {
            return Mono.error(new InvalidMovieException("deletions are not accepted here"));
        }
        String key = "incoming/api/" + DAY.format(clock.instant()) + "/" + uniqueName() + ".json";
        String id = MovieIds.of(valid.facts().title(), valid.facts().year(), valid.facts().href());
        return Mono.fromFuture(() -> s3.putObject(p -> p.bucket(properties.bucket()).key(key).contentType("application/json"),
                        AsyncRequestBody.fromString(movie.toString())))
                .publishOn(Schedulers.parallel())
                .map(put -> new Accepted(properties.bucket(), key, id));
    }
}
