package io.marquee.indexer.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The data providers allowed to deliver files: each writes under {@code incoming/<id>/}. An object under any
 * other prefix is quarantined, never indexed.
 */
@Validated
@ConfigurationProperties("marquee.indexer")
public record ProviderProperties(@DefaultValue @Valid List<Provider> providers) {

    public static final String INCOMING = "incoming/";

    /** The provider an object key belongs to, if it is under a known provider's prefix. */
    public Optional<Provider> providerOf(String key) {
        if (!key.startsWith(INCOMING)) {
            return Optional.empty();
        }
        String rest = key.substring(INCOMING.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String id = rest.substring(0, slash);
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * A provider.
     *
     * @param formats the file formats it may deliver: json (arrays and single objects), ndjson, zip
     */
    public record Provider(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}") String id, @NotBlank String displayName,
            @NotEmpty Set<String> formats) {

        /** Whether a key's file name has a format this provider may deliver. */
        public boolean accepts(String key) {
            String name = key.substring(key.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.gz$", "");
            String format = name.endsWith(".ndjson") || name.endsWith(".jsonl") ? "ndjson"
                    : name.endsWith(".json") ? "json" : name.endsWith(".zip") ? "zip" : "";
            return formats.contains(format);
        }
    }
}
