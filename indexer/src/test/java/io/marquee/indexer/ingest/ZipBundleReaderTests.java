package io.marquee.indexer.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.marquee.records.RecordResult;
import io.marquee.movie.MovieJson;

import static org.assertj.core.api.Assertions.assertThat;

class ZipBundleReaderTests {

    static final String METADATA = fixture("movies_metadata.csv");
    static final String CREDITS = fixture("credits.csv");
    static final String RATINGS = fixture("ratings.csv");

    @TempDir
    Path dir;

    private final ZipBundleReader reader = new ZipBundleReader(MovieJson.objectMapper(), IngestLimits.defaults());

    @Test
    void joinsMetadataCreditsAndRatings() throws IOException {
        List<RecordResult> results = read(zip("data.zip", Map.of("movies_metadata.csv", METADATA, "credits.csv", CREDITS,
                "ratings.csv", RATINGS)));

        assertThat(results).hasSize(4);
        assertThat(results.get(0)).isInstanceOfSatisfying(RecordResult.Valid.class, heat -> {
            assertThat(heat.facts().title()).isEqualTo("Heat");
            assertThat(heat.facts().year()).isEqualTo(1995);
            assertThat(heat.facts().genres()).containsExactly("Crime", "Drama");
            assertThat(heat.facts().cast()).containsExactly("Robert De Niro", "Al Pacino");
            assertThat(heat.facts().rating().average()).isEqualTo(4.0);
            assertThat(heat.facts().rating().count()).isEqualTo(3);
            assertThat(heat.facts().extract()).startsWith("A group of professional bank robbers");
            assertThat(heat.facts().href()).isEqualTo("https://www.imdb.com/title/tt0113277");
        });
        assertThat(results.get(1)).isInstanceOfSatisfying(RecordResult.Valid.class,
                toy -> assertThat(toy.facts().cast()).containsExactly("Tom Hanks", "John O'Hara"));
        assertThat(results.get(2)).isInstanceOfSatisfying(RecordResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo("title is missing"));
        assertThat(results.get(3)).isInstanceOfSatisfying(RecordResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo("year is missing"));
    }

    @Test
    void readsNamesOfAnyLengthWithoutOverflowingTheStack() {
        // The regular expression this scan replaced recursed once per character and overflowed at about 10,000.
        String longName = "a".repeat(2_000_000);
        assertThat(ZipBundleReader.names("[{'id': 1, 'name': '" + longName + "'}]")).containsExactly(longName);
        String escapes = "\\'".repeat(500_000);
        assertThat(ZipBundleReader.names("[{'name': \"" + escapes + "\"}]")).singleElement()
                .satisfies(name -> assertThat(name).hasSize(500_000).matches("'+"));
    }

    @Test
    void readsNamesAsPythonWritesThem() {
        assertThat(ZipBundleReader.names("[{'id': 18, 'name': 'Drama'}, {\"id\": 80, \"name\": \"Crime\"}]")).containsExactly("Drama", "Crime");
        assertThat(ZipBundleReader.names("[{'cast_id': 1, 'character': 'name', 'name': 'John O\\'Hara', 'order': 0}]"))
                .containsExactly("John O'Hara");
        assertThat(ZipBundleReader.names("[{\"name\": \"Dwayne \\\"The Rock\\\" Johnson\"}]")).containsExactly("Dwayne \"The Rock\" Johnson");
        assertThat(ZipBundleReader.names("[{'name': 7}, {'name': 'Kept'}, {'name': 'unterminated")).containsExactly("Kept");
        assertThat(ZipBundleReader.names(null)).isEmpty();
    }

    @Test
    void fallsBackToVotesWithoutRatingsOrCredits() throws IOException {
        List<RecordResult> results = read(zip("data.zip", Map.of("movies_metadata.csv", METADATA)));

        assertThat(results.get(0)).isInstanceOfSatisfying(RecordResult.Valid.class, heat -> {
            assertThat(heat.facts().cast()).isEmpty();
            assertThat(heat.facts().rating().average()).isEqualTo(7.7);
            assertThat(heat.facts().rating().count()).isEqualTo(1886);
        });
    }

    @Test
    void rejectsPathTraversal() throws IOException {
        assertBundleRejected(zip("evil.zip", Map.of("../../etc/movies_metadata.csv", METADATA)), "has an unsafe path");
    }

    @Test
    void rejectsNestedArchives() throws IOException {
        assertBundleRejected(zip("nested.zip", Map.of("movies_metadata.csv", METADATA, "more/inner.zip", "PK")), "is a nested archive");
    }

    @Test
    void rejectsDecompressionBombs() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("movies_metadata.csv", METADATA);
        entries.put("padding.txt", "0".repeat(20 * 1024 * 1024));
        assertBundleRejected(zip("bomb.zip", entries), "expands more than 200 times");
    }

    @Test
    void rejectsABundleWithoutMetadata() throws IOException {
        assertBundleRejected(zip("empty.zip", Map.of("credits.csv", CREDITS)), "has no movies_metadata.csv");
    }

    @Test
    void readsZipsThroughTheFileReader() throws IOException {
        List<RecordResult> results = new ArrayList<>();
        MovieFileReader.of(MovieJson.objectMapper(), IngestLimits.defaults())
                .read(LocalMovieFiles.of(zip("data.zip", Map.of("movies_metadata.csv", METADATA))),
                results::add);

        assertThat(results).hasSize(4);
    }

    private void assertBundleRejected(Path zip, String reason) throws IOException {
        assertThat(read(zip)).singleElement().isInstanceOfSatisfying(RecordResult.Rejected.class,
                r -> assertThat(r.reason()).startsWith("bundle rejected: ").contains(reason).endsWith("nothing was indexed"));
    }

    @Test
    void refusesABundleWhoseCreditsWouldTakeMoreThanTheirBudgetBeforeHoldingThem() throws IOException {
        IngestLimits defaults = IngestLimits.defaults();
        ZipBundleReader small = new ZipBundleReader(MovieJson.objectMapper(), new IngestLimits(defaults.maxFileBytes(),
                defaults.maxRecordBytes(), defaults.maxCompressionRatio(), defaults.minBytesForRatioCheck(), defaults.maxCastPerBundleMovie(),
                org.springframework.util.unit.DataSize.ofKilobytes(64), defaults.maxQuarantineBytes()));
        StringBuilder credits = new StringBuilder("cast,crew,id\n");
        for (int id = 1; id <= 5_000; id++) {
            credits.append("\"[{'name': 'Person ").append(id).append("'}]\",[],").append(id).append('\n');
        }
        List<RecordResult> results = new ArrayList<>();
        small.read(LocalMovieFiles.of(zip("data.zip", Map.of("movies_metadata.csv", METADATA, "credits.csv", credits.toString()))),
                results::add);

        assertThat(results).singleElement().isInstanceOfSatisfying(RecordResult.Rejected.class, r -> assertThat(r.reason())
                .isEqualTo("bundle rejected: its credits and ratings take more than 65536 bytes to hold while its movies are joined to them; "
                        + "nothing was indexed"));
        assertThat(read(zip("whole.zip", Map.of("movies_metadata.csv", METADATA, "credits.csv", credits.toString()))))
                .as("within the default budget").hasSize(4);
    }

    private List<RecordResult> read(Path zip) throws IOException {
        List<RecordResult> results = new ArrayList<>();
        reader.read(LocalMovieFiles.of(zip), results::add);
        return results;
    }

    private static String fixture(String name) {
        try (var in = ZipBundleReaderTests.class.getResourceAsStream("/kaggle/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
