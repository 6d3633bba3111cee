package io.marquee.indexer.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What one delivery may cost the indexer, whatever its provider sends: every bound is checked while reading, before
 * the memory is taken, and what breaks one is quarantined with the bound it broke.
 *
 * @param maxFileBytes the most a file may expand to once decompressed (a zip bundle: all its entries together)
 * @param maxRecordBytes the most one record may take: an NDJSON line, an element of a JSON array, a single object
 * @param maxCompressionRatio the most one zip entry may expand relative to its compressed size
 * @param minBytesForRatioCheck zip entries smaller than this are not ratio-checked (tiny files compress oddly)
 * @param maxCastPerBundleMovie cast names a Kaggle bundle's credits keep per movie (the top-billed)
 * @param maxBundleLookupBytes the most the credits and ratings of a zip bundle may take while its movies are joined
 *        to them (estimated from the text held)
 * @param maxQuarantineBytes the most one delivery's quarantine record may take; further rejections are only counted
 */
@Validated
@ConfigurationProperties("marquee.indexer.limits")
public record IngestLimits(
        @DefaultValue("2GB") @NotNull DataSize maxFileBytes,
        @DefaultValue("1MB") @NotNull DataSize maxRecordBytes,
        @DefaultValue("200") @Min(2) long maxCompressionRatio,
        @DefaultValue("1MB") @NotNull DataSize minBytesForRatioCheck,
        @DefaultValue("50") @Min(1) int maxCastPerBundleMovie,
        @DefaultValue("96MB") @NotNull DataSize maxBundleLookupBytes,
        @DefaultValue("64MB") @NotNull DataSize maxQuarantineBytes) {

    /** The defaults, as configuration without any {@code marquee.indexer.limits} gives them. */
    public static IngestLimits defaults() {
        return new IngestLimits(DataSize.ofGigabytes(2), DataSize.ofMegabytes(1), 200, DataSize.ofMegabytes(1), 50,
                DataSize.ofMegabytes(96), DataSize.ofMegabytes(64));
    }
}
