package io.marquee.api.cache;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.util.MimeType;

/**
 * The JSON encoder, sending a cached answer's bytes as the response cache serialised them when it loaded the answer:
 * a hit is the same object every time, and serialising it again per request (a year's hundred movies are 70 KB of
 * JSON) was most of a warm request's work. Anything else is serialised as usual.
 */
class EncodedAnswers extends Jackson2JsonEncoder {

    private final ResponseCache cache;

    EncodedAnswers(ObjectMapper json, ResponseCache cache) {
        super(json);
        this.cache = cache;
    }

    @Override
    public DataBuffer encodeValue(Object value, DataBufferFactory factory, ResolvableType type, MimeType mimeType, Map<String, Object> hints) {
        byte[] bytes = value == null ? null : cache.encoded(value);
        return bytes != null ? factory.wrap(bytes) : super.encodeValue(value, factory, type, mimeType, hints);
    }
}
