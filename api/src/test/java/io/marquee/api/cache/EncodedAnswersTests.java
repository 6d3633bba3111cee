package io.marquee.api.cache;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedAnswersTests {

    private final EncodedAnswers encoder = new EncodedAnswers(new ObjectMapper(), 100);

    @Test
    void serialisesAnAnswerServedAgainOnlyOnce() {
        AtomicInteger reads = new AtomicInteger();
        Answer answer = new Answer("Heat", reads);

        assertThat(encode(answer)).isEqualTo("{\"title\":\"Heat\"}");
        assertThat(encode(answer)).isEqualTo("{\"title\":\"Heat\"}");
        assertThat(reads).hasValue(1);
        assertThat(encode(new Answer("Heat", reads))).isEqualTo("{\"title\":\"Heat\"}");
        assertThat(reads).as("an equal answer that is another object is serialised itself").hasValue(2);
    }

    @Test
    void serialisesWhatMayChangeEveryTime() {
        Map<String, String> mutable = new HashMap<>(Map.of("title", "Heat"));
        assertThat(encode(mutable)).isEqualTo("{\"title\":\"Heat\"}");

        mutable.put("title", "Ronin");

        assertThat(encode(mutable)).isEqualTo("{\"title\":\"Ronin\"}");
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
}
