package io.marquee.api.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.api.catalog.IndexGeneration;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    ResponseCache responseCache(CacheProperties properties, IndexGeneration generation, ObjectMapper json, MeterRegistry registry) {
        return new ResponseCache(properties, generation::current, json, System::nanoTime, registry);
    }

    @Bean
    CodecCustomizer encodedAnswers(ResponseCache cache, ObjectMapper json) {
        return configurer -> configurer.defaultCodecs().jackson2JsonEncoder(new EncodedAnswers(json, cache));
    }
}
