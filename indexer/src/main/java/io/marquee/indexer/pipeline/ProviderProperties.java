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

import io.marquee.records.MovieFileFormat;

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

    /** The providers that may change any provider's movies ({@link io.marquee.indexer.audit.Ownership}). */
    public Set<String> trusted() {
        return providers.stream().filter(Provider::trusted).map(Provider::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * A provider.
     *
     * @param formats the file formats it may deliver: json (arrays and single objects), ndjson, zip
     * @param trusted whether it may change and delete movies other providers created (by default a provider changes
     *        only its own)
     */
    public record Provider(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}") String id, @NotBlank String displayName,
            @NotEmpty Set<MovieFileFormat> formats, @DefaultValue("false") boolean trusted) {

        /** Whether a key's file name has a format this provider may deliver. */
        public boolean accepts(String key) {
            return MovieFileFormat.of(key).filter(formats::contains).isPresent();
        }

        /** The formats it may deliver, as configuration names them. */
        public List<String> formatIds() {
            return formats.stream().map(MovieFileFormat::id).sorted().toList();
        }
    }
}
