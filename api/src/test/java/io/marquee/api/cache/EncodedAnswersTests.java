package io.marquee.api.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedAnswersTests {

    private final ResponseCache cache = new ResponseCache(new CacheProperties(100, DataSize.ofMegabytes(64), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofSeconds(5)), () -> "movies-v1", new ObjectMapper(), System::nanoTime, new SimpleMeterRegistry());
    private final EncodedAnswers encoder = new EncodedAnswers(new ObjectMapper(), cache);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void serialisesACachedAnswerOnlyWhenItIsLoaded() {
        Answer answer = cache.get("heat", () -> Mono.just(new Answer("Heat", reads))).block().value();
        assertThat(reads).as("serialised once, for its ETag and its body").hasValue(1);

        assertThat(encode(answer)).isEqualTo("{\"title\":\"Heat\"}");
        assertThat(encode(cache.get("heat", () -> Mono.just(new Answer("Other", reads))).block().value())).isEqualTo("{\"title\":\"Heat\"}");

        assertThat(reads).hasValue(1);
    }

    @Test
    void sendsTheBytesOfTheBodyTheAnswerNames() {
        Listing listing = cache.get("1995", () -> Mono.just(new Listing(2, List.of(new Answer("Heat", reads), new Answer("Se7en", reads)))),
                Listing::movies).block().value();

        assertThat(encode(listing.movies())).isEqualTo("[{\"title\":\"Heat\"},{\"title\":\"Se7en\"}]");
        assertThat(reads).hasValue(2);
    }

    @Test
    void serialisesWhatTheCacheDidNotHandOut() {
        Answer uncached = new Answer("Heat", reads);

        assertThat(encode(uncached)).isEqualTo("{\"title\":\"Heat\"}");
        assertThat(encode(uncached)).isEqualTo("{\"title\":\"Heat\"}");
        assertThat(reads).as("an answer the cache never loaded is serialised each time").hasValue(2);
    }

    private String encode(Object value) {
        DataBuffer buffer = encoder.encodeValue(value, DefaultDataBufferFactory.sharedInstance, ResolvableType.forInstance(value),
                MediaType.APPLICATION_JSON, Map.of());
        return buffer.toString(StandardCharsets.UTF_8);
    }

    record Answer(String title, @JsonIgnore AtomicInteger reads) {

        @Override
        public String title() {
            reads.incrementAndGet();
            return title;
        }
    }

    record Listing(long total, List<Answer> movies) {
    }
}
