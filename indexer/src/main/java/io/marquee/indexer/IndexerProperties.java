package io.marquee.indexer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The indexer's identity and target.
 *
 * @param indexPrefix prefix of every index, alias and template name (empty in production; tests use their own)
 * @param provider the provider recorded on documents loaded from local files
 * @param instanceId this indexer's name in the audit trail (default: host name and process id)
 */
@Validated
@ConfigurationProperties("marquee.indexer")
public record IndexerProperties(
        @DefaultValue("") @NotNull @Pattern(regexp = "([a-z0-9][a-z0-9_-]*-)?") String indexPrefix,
        @DefaultValue("local") @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}") String provider,
        String instanceId) {

    public IndexerProperties {
        if (instanceId == null || instanceId.isBlank()) {
            instanceId = hostName() + "-" + ProcessHandle.current().pid();
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        }
        catch (java.net.UnknownHostException ex) {
            return "indexer";
        }
    }
}
