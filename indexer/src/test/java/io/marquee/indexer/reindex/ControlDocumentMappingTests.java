package io.marquee.indexer.reindex;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.marquee.schema.IndexNames;
import io.marquee.schema.SchemaTemplates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlDocumentMappingTests {

    @Test
    void controlDocumentsTogetherMirrorTheControlMapping() {
        Set<String> mapped = new TreeSet<>();
        new SchemaTemplates(IndexNames.defaults()).controlMappingProperties().fieldNames().forEachRemaining(mapped::add);
        Set<String> recordFields = new TreeSet<>();
        for (Class<?> type : List.of(IndexState.class, LeaseRecord.class)) {
            Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).forEach(recordFields::add);
        }
        assertThat(recordFields).isEqualTo(mapped);
    }
}
