package io.marquee.api.identity;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How callers are identified.
 *
 * @param trustedProxies addresses or CIDR ranges (the ingress, the load balancer) whose {@code X-Forwarded-For} is
 *        believed; from anyone else the header is ignored, since a client can write anything in it
 */
@Validated
@ConfigurationProperties("marquee.api.identity")
record IdentityProperties(@DefaultValue("") @NotNull List<String> trustedProxies) {
}
