package io.marquee.api.hits;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Cache hits answered on the connection.
 *
 * @param enabled whether they are: off, every request goes through the whole stack (the same answers, slower)
 * @param maxBytes the heap the recorded responses may take, their bodies counted whole even where they share the
 *        response cache's bytes, so that they stay within it however the two caches evict
 */
@Validated
@ConfigurationProperties("marquee.api.hits")
record HitsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("32MB") @NotNull DataSize maxBytes) {
}
