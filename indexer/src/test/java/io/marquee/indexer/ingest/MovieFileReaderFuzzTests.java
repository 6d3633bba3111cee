package io.marquee.indexer.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import io.marquee.records.RecordResult;
import io.marquee.movie.MovieJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated files of valid records among hostile lines (truncated and malformed JSON, nesting thousands deep, strings of
 * megabytes, wrong types, random bytes): the reader never fails, keeps every valid record, in order, with the right
 * facts, and rejects everything else with a reason, at least once per hostile line.
 */
class MovieFileReaderFuzzTests {

    private final MovieFileReader reader = MovieFileReader.of(MovieJson.objectMapper(), IngestLimits.defaults());

    @Property(tries = 150)
    void keepsEveryValidRecordAroundHostileLines(@ForAll("lines") @Size(min = 1, max = 12) List<Line> lines) throws IOException {
        Path file = Files.createTempFile("fuzz", ".ndjson");
        try {
            Files.write(file, String.join("\n", lines.stream().map(Line::text).toList()).concat("\n").getBytes(StandardCharsets.UTF_8));
            List<RecordResult> results = new ArrayList<>();
            reader.read(LocalMovieFiles.of(file), results::add);

            List<String> expected = lines.stream().filter(Line::valid).map(Line::title).toList();
            List<String> kept = results.stream().filter(RecordResult.Valid.class::isInstance)
                    .map(result -> ((RecordResult.Valid) result).facts().title()).toList();
            assertThat(kept).as("valid records kept, in order").isEqualTo(expected);
            assertThat(results).filteredOn(RecordResult.Rejected.class::isInstance)
                    .allSatisfy(result -> assertThat(((RecordResult.Rejected) result).reason()).isNotBlank());
            // At least one rejection per hostile line: a line may hold two values ({"a":1}{), each rejected.
            assertThat(results.stream().filter(RecordResult.Rejected.class::isInstance).count())
                    .as("every hostile line rejected, not silently skipped").isGreaterThanOrEqualTo(lines.stream().filter(line -> !line.valid()).count());
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<Line> valid = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20)
                .flatMap(title -> Arbitraries.integers().between(1900, 2020).map(year -> new Line(
                        "{\"title\":\"" + title + "\",\"year\":" + year + ",\"cast\":[\"A B\"],\"genres\":[\"Drama\"]}", true, title)));
        Arbitrary<Line> hostile = Arbitraries.oneOf(
                Arbitraries.of("{\"title\": \"Cut\", \"year\": 2000", "{\"title\": \"X\", \"year\": }", "{", "}", "[1,2", "nul", "{\"a\":1}{",
                        "{\"title\": {\"nested\": true}, \"year\": 1999}", "{\"title\": \"X\", \"year\": \"soon\"}", "{\"title\": 42, \"year\": 1999}",
                        "{\"title\": \"X\", \"year\": 1999, \"cast\": 7}", "{\"title\": \"X\", \"year\": 1e400}", "42", "\"just a string\"", "[]",
                        "{\"title\": \"\", \"year\": 1999}", "{\"title\": \"X\", \"year\": 99999999999999999999999}"),
                Arbitraries.integers().between(1_001, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1_001, 20_000).map(depth -> "{\"title\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.integers().between(1_000_000, 3_000_000).map(length -> "{\"title\":\"" + "x".repeat(length) + "\",\"year\":1999}"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60).filter(text -> !text.isBlank()))
                .map(text -> new Line(text, false, null));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, valid), net.jqwik.api.Tuple.of(1, hostile)).list();
    }

    /** One line of the file: the text, and the title it carries when it is a valid record. */
    record Line(String text, boolean valid, String title) {

        @Override
        public String toString() {
            return (valid ? "valid " : "hostile ") + (text.length() > 60 ? text.substring(0, 60) + "… (" + text.length() + " chars)" : text);
        }
    }
}
