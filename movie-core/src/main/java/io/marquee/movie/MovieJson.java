package io.marquee.movie;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration for movie documents, so the indexer writes exactly what the API reads:
 * ISO-8601 instants, absent rather than null fields, unknown fields tolerated on read, and a single value read as a
 * one-element list (schema version 1 stored {@code castSuggest} as one object; a reindex from such an index reads it).
 */
public final class MovieJson {

    private MovieJson() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static JsonpMapper jsonpMapper() {
        return new JacksonJsonpMapper(objectMapper());
    }
}
