package io.marquee.api.hits;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import reactor.netty.NettyPipeline;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

import io.marquee.api.access.Admissions;
import io.marquee.api.cache.CacheProperties;
import io.marquee.api.identity.Callers;

/**
 * Cache hits answered on the connection, unless turned off ({@code marquee.api.hits.enabled=false}) or the server
 * compresses (a recorded response is one encoding of the answer).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${marquee.api.hits.enabled:true} and !${server.compression.enabled:false}")
class HitsConfiguration {

    /** The handler's name in each connection's pipeline. */
    static final String HANDLER = "marquee.hits";

    @Bean
    Hits hits(HitsProperties properties, CacheProperties cache, MeterRegistry registry) {
        Hits hits = new Hits(properties, cache.ttl());
        FunctionCounter.builder("marquee.api.hits.answered", hits, Hits::answeredCount)
                .description("Requests answered on the connection from a recorded response (they count in http.server.requests too)")
                .register(registry);
        return hits;
    }

    @Bean
    HitRecorder hitRecorder(Hits hits, Admissions admissions, MeterRegistry registry, ServerRequestObservationConvention convention) {
        return new HitRecorder(hits, admissions, registry, convention);
    }

    @Bean
    NettyServerCustomizer hitsOnTheConnection(Hits hits, Callers callers) {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // HTTP/1.1 only: where HTTP/2 is negotiated the codec comes later, and nothing is answered here.
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER, new HitHandler(hits, callers, pipeline.get(SslHandler.class) != null));
            }
        });
    }
}
