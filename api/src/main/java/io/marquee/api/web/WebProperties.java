package io.marquee.api.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What browsers may do with the API.
 *
 * @param corsOrigins the web UI's origins (e.g. {@code https://marquee.example}); no other origin's scripts may read
 *        answers. Empty: no cross-origin access at all.
 */
@Validated
@ConfigurationProperties("marquee.api.web")
record WebProperties(@DefaultValue("") @NotNull List<String> corsOrigins) {
}
