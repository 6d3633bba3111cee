package io.marquee.api.cache;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.codec.json.Jackson2JsonEncoder;
import org.springframework.util.MimeType;

/**
 * The JSON encoder, remembering what it wrote for each immutable answer: a cached answer is the same object on every
 * hit, so it is serialised once, not once per request (a year's hundred movies are 70 KB of JSON). Keys are weak and
 * compared by identity, so an answer's bytes go when the response cache lets the answer go.
 */
class EncodedAnswers extends Jackson2JsonEncoder {

    private final Cache<Object, byte[]> encoded;

    EncodedAnswers(ObjectMapper json, long maxEntries) {
        super(json);
        this.encoded = Caffeine.newBuilder().weakKeys().maximumSize(Math.max(1, maxEntries)).build();
    }

    @Override
    public DataBuffer encodeValue(Object value, DataBufferFactory factory, ResolvableType type, MimeType mimeType, Map<String, Object> hints) {
        if (!immutable(value)) {
            return super.encodeValue(value, factory, type, mimeType, hints);
        }
        byte[] bytes = encoded.getIfPresent(value);
        if (bytes != null) {
            return factory.wrap(bytes);
        }
        DataBuffer buffer = super.encodeValue(value, factory, type, mimeType, hints);
        byte[] copy = new byte[buffer.readableByteCount()];
        buffer.toByteBuffer(buffer.readPosition(), java.nio.ByteBuffer.wrap(copy), 0, copy.length);
        encoded.put(value, copy);
        return buffer;
    }

    /** Records (ours copy their collections) and the JDK's unmodifiable lists: what the API's answers are made of. */
    private static boolean immutable(Object value) {
        return value instanceof Record || value != null && value.getClass().getName().startsWith("java.util.ImmutableCollections$List");
    }
}
