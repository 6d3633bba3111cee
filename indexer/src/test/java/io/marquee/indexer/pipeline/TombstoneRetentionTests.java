package io.marquee.indexer.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;

import io.marquee.schema.IndexNames;
import io.marquee.schema.SchemaTemplates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleted stays deleted: the index remembers a delete ({@code gc_deletes}) longer than the consumer acts on an
 * event (its maximum event age), which is at least as long as a message can wait in the ingest queue and then the
 * dead-letter queue, as Terraform keeps them. A replay of anything older is refused, not applied.
 */
class TombstoneRetentionTests {

    private static final Path QUEUES = Path.of("../terraform/modules/queue/main.tf");

    @Test
    void theIndexRemembersDeletesLongerThanAnyEventCanBeReplayed() throws IOException {
        Duration tombstones = DurationStyle.SIMPLE.parse(new SchemaTemplates(new IndexNames("")).tombstoneRetention());
        PipelineProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("marquee.indexer.pipeline",
                PipelineProperties.class);
        List<Duration> retentions = queueRetentions();

        assertThat(retentions).as("the ingest queue and its dead-letter queue").hasSize(2);
        Duration replayable = retentions.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(defaults.maxEventAge()).as("no event older than a message can be kept is needed").isGreaterThanOrEqualTo(replayable);
        assertThat(tombstones).as("no event acted on is older than the index remembers deletes").isGreaterThan(defaults.maxEventAge());
    }

    private static List<Duration> queueRetentions() throws IOException {
        Matcher retention = Pattern.compile("message_retention_seconds\\s*=\\s*(\\d+)").matcher(Files.readString(QUEUES));
        List<Duration> found = new java.util.ArrayList<>();
        while (retention.find()) {
            found.add(Duration.ofSeconds(Long.parseLong(retention.group(1))));
        }
        return found;
    }
}
