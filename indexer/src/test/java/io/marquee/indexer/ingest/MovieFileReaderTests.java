package io.marquee.indexer.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.marquee.schema.MovieJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.records.RecordResult;

class MovieFileReaderTests {

    private static final String TOP_GUN = "{\"title\": \"Top Gun\", \"year\": 1986, \"cast\": [\"Tom Cruise\"], \"genres\": [\"Action\"]}";
    private static final String HEAT = "{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Al Pacino\"], \"genres\": [\"Crime\"]}";

    @TempDir
    Path dir;

    private final MovieFileReader reader = new MovieFileReader(MovieJson.objectMapper());

    @Test
    void readsAJsonArray() throws IOException {
        List<RecordResult> results = read(write("a.json", "[\n" + TOP_GUN + ",\n" + HEAT + "\n]"));

        assertThat(results).hasSize(2).allMatch(RecordResult.Valid.class::isInstance);
        assertThat(results).extracting(RecordResult::position).containsExactly(1L, 2L);
        assertThat(((RecordResult.Valid) results.get(1)).line()).isEqualTo(3);
    }

    @Test
    void readsNdjsonAndResumesAfterABrokenLine() throws IOException {
        List<RecordResult> results = read(write("a.ndjson", TOP_GUN + "\n{\"title\": \"Broken\", \"year\": }\n" + HEAT + "\n"));

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(RecordResult.Valid.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(RecordResult.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(2);
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).startsWith("malformed JSON at line 2");
        });
        assertThat(results.get(2)).isInstanceOfSatisfying(RecordResult.Valid.class, v -> assertThat(v.facts().title()).isEqualTo("Heat"));
    }

    @Test
    void keepsTheLineAfterARecordCutShort() throws IOException {
        List<RecordResult> results = read(write("a.ndjson", "{\"title\": \"Cut\", \"year\": 2000\n" + HEAT + "\n"));

        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOf(RecordResult.Rejected.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(RecordResult.Valid.class, v -> assertThat(v.facts().title()).isEqualTo("Heat"));
    }

    @Test
    void readsASinglePrettyPrintedObject() throws IOException {
        List<RecordResult> results = read(write("one.json", "{\n  \"title\": \"Heat\",\n  \"year\": 1995\n}\n"));

        assertThat(results).singleElement().isInstanceOf(RecordResult.Valid.class);
    }

    @Test
    void readsGzippedFilesWhateverTheirName() throws IOException {
        Path file = dir.resolve("movies.json");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("[" + TOP_GUN + "," + HEAT + "]").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(read(file)).hasSize(2).allMatch(RecordResult.Valid.class::isInstance);
    }

    @Test
    void keepsRecordsBeforeATruncation() throws IOException {
        List<RecordResult> results = read(write("cut.json", "[" + TOP_GUN + ",\n" + HEAT + ",\n{\"title\": \"Cut"));

        assertThat(results).hasSize(3);
        assertThat(results.subList(0, 2)).allMatch(RecordResult.Valid.class::isInstance);
        assertThat(results.get(2)).isInstanceOfSatisfying(RecordResult.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(3);
            assertThat(r.reason()).contains("malformed JSON").contains("the rest of the file cannot be read");
        });
    }

    @Test
    void reportsAnArrayThatNeverCloses() throws IOException {
        List<RecordResult> results = read(write("open.json", "[" + TOP_GUN + ","));

        assertThat(results).hasSize(2);
        assertThat(results.get(1)).isInstanceOf(RecordResult.Rejected.class);
    }

    @Test
    void rejectsWrongTypesRecordByRecord() throws IOException {
        List<RecordResult> results = read(write("types.json", "[" + TOP_GUN + ", {\"title\": \"X\", \"year\": \"soon\"}, 42, " + HEAT + "]"));

        assertThat(results).extracting(r -> r.getClass().getSimpleName()).containsExactly("Valid", "Rejected", "Rejected", "Valid");
    }

    @Test
    void reportsAnEmptyFile() throws IOException {
        assertThat(read(write("empty.json", "  \n"))).singleElement().isInstanceOfSatisfying(RecordResult.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("file is empty"));
    }

    @Test
    void reportsAFileThatIsNotJson() throws IOException {
        assertThat(read(write("movies.csv", "title,year\nHeat,1995\n"))).singleElement()
                .isInstanceOfSatisfying(RecordResult.Rejected.class, r -> assertThat(r.reason()).startsWith("not JSON"));
    }

    @Test
    void failsOnlyWhenTheFileCannotBeRead() {
        assertThatThrownBy(() -> read(dir.resolve("absent.json"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void listsMovieFilesOfADirectoryInNameOrder() throws IOException {
        write("b.json", "[]");
        write("a.ndjson.gz", "");
        write("notes.txt", "");

        assertThat(LocalMovieFiles.at(dir)).extracting(MovieFile::uri).hasSize(2)
                .satisfiesExactly(a -> assertThat(a).endsWith("a.ndjson.gz"), b -> assertThat(b).endsWith("b.json"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private List<RecordResult> read(Path file) throws IOException {
        List<RecordResult> results = new ArrayList<>();
        reader.read(LocalMovieFiles.of(file), results::add);
        return results;
    }
}
