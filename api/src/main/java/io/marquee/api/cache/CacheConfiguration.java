package io.marquee.api.cache;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.marquee.api.catalog.IndexGeneration;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    ResponseCache responseCache(CacheProperties properties, IndexGeneration generation, ObjectMapper json) {
        return new ResponseCache(properties, generation::current, json, System::nanoTime);
    }
}
