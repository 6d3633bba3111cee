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

import org.springframework.util.unit.DataSize;

import io.marquee.movie.MovieJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marquee.records.RecordResult;

class MovieFileReaderTests {

    private static final String TOP_GUN = "{\"title\": \"Top Gun\", \"year\": 1986, \"cast\": [\"Tom Cruise\"], \"genres\": [\"Action\"]}";
    private static final String HEAT = "{\"title\": \"Heat\", \"year\": 1995, \"cast\": [\"Al Pacino\"], \"genres\": [\"Crime\"]}";

    @TempDir
    Path dir;

    private final MovieFileReader reader = MovieFileReader.of(MovieJson.objectMapper(), IngestLimits.defaults());

    @Test
    void hasExactlyOneReaderForEveryFormat() {
        IngestLimits limits = IngestLimits.defaults();
        JsonRecordsReader json = new JsonRecordsReader(MovieJson.objectMapper(), limits);
        NdjsonRecordsReader ndjson = new NdjsonRecordsReader(MovieJson.objectMapper(), limits);

        assertThatThrownBy(() -> new MovieFileReader(limits, List.of(json, ndjson))).hasMessage("no reader for ZIP");
        assertThatThrownBy(() -> new MovieFileReader(limits, List.of(json, ndjson, json))).hasMessage("two readers for JSON");
    }

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

    @Test
    void tellsNdjsonFromTheKeyOfAVersionedObject() throws IOException {
        // Every AWS delivery is versioned: the URI ends in ?versionId=…, the key in .ndjson.
        Path file = write("blob", TOP_GUN + "\n{\"title\": \"Broken\", \"year\": }\n" + HEAT + "\n");
        Opened opened = new Opened(file, "incoming/wikipedia/deliveries/2026-12-01.ndjson",
                "s3://ingest/incoming/wikipedia/deliveries/2026-12-01.ndjson?versionId=3sL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        List<RecordResult> results = new ArrayList<>();
        reader.read(opened, results::add);

        assertThat(results).hasSize(3);
        assertThat(results.get(1)).isInstanceOfSatisfying(RecordResult.Rejected.class, r -> assertThat(r.line()).isEqualTo(2));
        assertThat(results.get(2)).isInstanceOfSatisfying(RecordResult.Valid.class, v -> assertThat(v.facts().title()).isEqualTo("Heat"));
    }

    @Test
    void readsAnNdjsonFileOnceHoweverManyLinesAreBroken() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            content.append("{\"title\": \"Movie ").append(i).append("\", \"year\": 2000}\n").append("{broken\n");
        }
        Opened opened = new Opened(write("many-broken.ndjson", content.toString()), "many-broken.ndjson", "file:/many-broken.ndjson");
        List<RecordResult> results = new ArrayList<>();
        reader.read(opened, results::add);

        assertThat(results).hasSize(100);
        assertThat(results.stream().filter(RecordResult.Valid.class::isInstance)).hasSize(50);
        assertThat(opened.opens).as("one GET for the whole file").isEqualTo(1);
    }

    @Test
    void rejectsAnOversizedLineWithoutKeepingItAndReadsOn() throws IOException {
        MovieFileReader small = MovieFileReader.of(MovieJson.objectMapper(), limits(DataSize.ofKilobytes(4), DataSize.ofMegabytes(10)));
        String huge = "{\"title\": \"Huge\", \"year\": 2000, \"extract\": \"" + "x".repeat(100_000) + "\"}";
        List<RecordResult> results = read(small, write("huge.ndjson", TOP_GUN + "\n" + huge + "\r\n" + HEAT + "\r\n"));

        assertThat(results).hasSize(3);
        assertThat(results.get(1)).isInstanceOfSatisfying(RecordResult.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(2);
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo("record is larger than 4096 bytes; skipped to the next line");
        });
        assertThat(results.get(2)).isInstanceOfSatisfying(RecordResult.Valid.class, v -> assertThat(v.facts().title()).isEqualTo("Heat"));
    }

    @Test
    void rejectsAnOversizedArrayElementWithoutKeepingItAndReadsOn() throws IOException {
        MovieFileReader small = MovieFileReader.of(MovieJson.objectMapper(), limits(DataSize.ofKilobytes(4), DataSize.ofMegabytes(10)));
        String wide = "{\"title\": \"Wide\", \"year\": 2000, \"cast\": [" + "\"Extra Person\",".repeat(20_000) + "\"Last\"]}";
        List<RecordResult> results = read(small, write("wide.json", "[" + TOP_GUN + ",\n" + wide + ",\n" + HEAT + "]"));

        assertThat(results).hasSize(3);
        assertThat(results.get(1)).isInstanceOfSatisfying(RecordResult.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo("record is larger than 4096 bytes");
        });
        assertThat(results.get(2)).isInstanceOfSatisfying(RecordResult.Valid.class, v -> assertThat(v.facts().title()).isEqualTo("Heat"));
    }

    @Test
    void refusesAValueLongerThanARecordMayBe() throws IOException {
        MovieFileReader small = MovieFileReader.of(MovieJson.objectMapper(), limits(DataSize.ofKilobytes(4), DataSize.ofMegabytes(10)));
        String longTitle = "{\"title\": \"" + "x".repeat(100_000) + "\", \"year\": 2000}";
        List<RecordResult> results = read(small, write("long.json", "[" + TOP_GUN + ",\n" + longTitle + "]"));

        assertThat(results).hasSize(2);
        assertThat(results.get(1)).isInstanceOfSatisfying(RecordResult.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo(2);
            assertThat(r.reason()).startsWith("a value in this record breaks a bound").endsWith("the rest of the file cannot be read");
        });
    }

    @Test
    void stopsAGzipBombAtTheFileBoundKeepingWhatCameBefore() throws IOException {
        MovieFileReader bounded = MovieFileReader.of(MovieJson.objectMapper(), limits(DataSize.ofKilobytes(64), DataSize.ofMegabytes(1)));
        Path bomb = dir.resolve("bomb.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write((TOP_GUN + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                out.write(blanks);
            }
        }
        assertThat(Files.size(bomb)).as("200 MB of blanks compress to almost nothing").isLessThan(400_000);

        List<RecordResult> results = read(bounded, bomb);

        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isInstanceOf(RecordResult.Valid.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(RecordResult.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("the file expands beyond 1048576 bytes; the rest was not read"));
    }

    private static IngestLimits limits(DataSize maxRecord, DataSize maxFile) {
        IngestLimits defaults = IngestLimits.defaults();
        return new IngestLimits(maxFile, maxRecord, defaults.maxCompressionRatio(), defaults.minBytesForRatioCheck(),
                defaults.maxCastPerBundleMovie(), defaults.maxBundleLookupBytes(), defaults.maxQuarantineBytes());
    }

    private List<RecordResult> read(MovieFileReader with, Path file) throws IOException {
        List<RecordResult> results = new ArrayList<>();
        with.read(LocalMovieFiles.of(file), results::add);
        return results;
    }

    /** A file under a name and URI of its own (as an S3 object has), counting how often it is opened. */
    private static final class Opened implements MovieFile {

        private final Path file;
        private final String name;
        private final String uri;
        int opens;

        Opened(Path file, String name, String uri) {
            this.file = file;
            this.name = name;
            this.uri = uri;
        }

        @Override
        public String uri() {
            return uri;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public java.io.InputStream open() throws IOException {
            opens++;
            return Files.newInputStream(file);
        }
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
