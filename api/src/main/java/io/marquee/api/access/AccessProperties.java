package io.marquee.api.access;

import java.nio.file.Path;
import java.time.Duration;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's clients. Keys are configured only as hashes (in production from a Kubernetes Secret), never as keys.
 *
 * @param keys the clients with keys, fixed for the process's life
 * @param anonymous what a request without a key may do
 * @param hashesFile a YAML file of more keys ({@code marquee.api.access.keys[n]…}, in production the mounted Secret),
 *        read again when it changes, so that a key added or revoked there works or stops working without a restart
 * @param reloadInterval how often the keys file is looked at
 */
@Validated
@ConfigurationProperties("marquee.api.access")
public record AccessProperties(@Valid List<Key> keys, @DefaultValue @NotNull @Valid Anonymous anonymous, Path hashesFile,
        @DefaultValue("10s") @NotNull Duration reloadInterval) {

    public AccessProperties {
        // No default value: an empty string cannot be converted to a list of keys, and no keys is a valid set-up.
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * One client's key.
     *
     * @param clientId who the key belongs to: in logs and metrics
     * @param sha256 the hex SHA-256 of the key
     * @param scopes what it may do
     * @param rate requests a second it may make, sustained
     * @param burst requests it may make at once above that
     */
    public record Key(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}") String clientId, @NotNull @Pattern(regexp = "[0-9a-f]{64}") String sha256,
            @NotEmpty Set<Scope> scopes, @DefaultValue("100") @Min(1) int rate, @DefaultValue("200") @Min(1) int burst) {
    }

    /**
     * Requests without a key: searching only, when enabled, limited per source address.
     *
     * @param enabled whether they may search at all
     * @param rate requests a second one address may make, sustained
     * @param burst requests it may make at once above that
     */
    public record Anonymous(@DefaultValue("true") boolean enabled, @DefaultValue("20") @Min(1) int rate, @DefaultValue("40") @Min(1) int burst) {
    }
}
