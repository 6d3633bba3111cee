package io.marquee.schema;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import io.marquee.movie.AuditEntry;
import io.marquee.movie.MovieDocument;
import io.marquee.movie.MovieSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents the code writes and the mappings the templates declare name the same fields. */
class MovieDocumentMappingTests {

    @Test
    void recordMirrorsTheMappedProperties() {
        Set<String> mapped = new TreeSet<>();
        new SchemaTemplates(IndexNames.defaults()).mappingProperties().fieldNames().forEachRemaining(mapped::add);
        Set<String> recordFields = new TreeSet<>(Arrays.stream(MovieDocument.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(recordFields).isEqualTo(mapped);
    }

    @Test
    void sourceRecordMirrorsTheMappedSourceObject() {
        Set<String> mapped = new TreeSet<>();
        new SchemaTemplates(IndexNames.defaults()).mappingProperties().path("source").path("properties").fieldNames()
                .forEachRemaining(mapped::add);
        Set<String> recordFields = new TreeSet<>(Arrays.stream(MovieSource.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(recordFields).isEqualTo(mapped);
    }

    @Test
    void auditEntryMirrorsTheAuditMapping() {
        Set<String> mapped = new TreeSet<>();
        new SchemaTemplates(IndexNames.defaults()).auditMappingProperties().fieldNames().forEachRemaining(mapped::add);
        Set<String> recordFields = new TreeSet<>(Arrays.stream(AuditEntry.class.getRecordComponents()).map(c -> c.getName()).toList());
        assertThat(recordFields).isEqualTo(mapped);
    }
}
