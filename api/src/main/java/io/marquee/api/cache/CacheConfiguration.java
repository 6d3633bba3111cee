package io.marquee.api.cache;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.api.catalog.IndexGeneration;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    ResponseCache responseCache(CacheProperties properties, IndexGeneration generation, ObjectMapper json) {
        return new ResponseCache(properties, generation::current, json, System::nanoTime);
    }

    @Bean
    CodecCustomizer encodedAnswers(ResponseCache cache, ObjectMapper json) {
        return configurer -> configurer.defaultCodecs().jackson2JsonEncoder(new EncodedAnswers(json, cache));
    }
}
