package io.marquee.indexer.prominence;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a consuming indexer ranks the catalogue again, and how a ranking reads it.
 *
 * @param interval how often it looks at the writes to the live index: it ranks an interval after the last one
 * @param pageSize movies read per page of a ranking's two passes
 * @param pointInTime how long a ranking's point in time is kept alive between pages
 */
@Validated
@ConfigurationProperties("marquee.indexer.prominence")
public record ProminenceProperties(
        @DefaultValue("2m") @NotNull Duration interval,
        @DefaultValue("1000") @Min(1) @Max(10_000) int pageSize,
        @DefaultValue("2m") @NotNull Duration pointInTime) {
}
