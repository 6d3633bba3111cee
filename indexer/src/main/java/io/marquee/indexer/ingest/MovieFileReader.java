package io.marquee.indexer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import io.marquee.records.MovieFileFormat;
import io.marquee.records.MovieValidator;
import io.marquee.records.RecordResult;
import io.marquee.records.RejectionCode;

/**
 * Streams the records of a movie file, one at a time and in one pass, so memory does not grow with the file. The
 * format comes from the file's name ({@link MovieFileFormat}), never from a URI that may end in a query:
 * <ul>
 * <li>NDJSON: one movie object per line; a broken or oversized line costs only itself;</li>
 * <li>JSON: an array of movie objects (the wikipedia-movie-data shape), or one or more objects; broken JSON ends the
 * readable part of the file, and the rest is reported as one rejection;</li>
 * <li>a zip bundle in the Kaggle "The Movies Dataset" layout ({@link ZipBundleReader}), also when its content says
 * so under another name;</li>
 * <li>any of the first two gzipped (detected from the content).</li>
 * </ul>
 * A file without a known name is read as JSON. Every bound in {@link IngestLimits} is checked as bytes arrive: a
 * record over {@code maxRecordBytes} is rejected without being kept, and a file that expands beyond
 * {@code maxFileBytes} is read no further.
 */
public final class MovieFileReader {

    private static final int BUFFER = 64 * 1024;

    private final ObjectMapper json;
    private final ObjectReader oneValue;
    private final IngestLimits limits;
    private final ZipBundleReader bundles;

    public MovieFileReader(ObjectMapper json, IngestLimits limits) {
        // A copy whose parser refuses any one value longer than a record may be, before buffering it.
        this.json = json.copy();
        this.json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxRecordBytes().toBytes())).maxNestingDepth(64).build());
        this.oneValue = this.json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.limits = limits;
        this.bundles = new ZipBundleReader(json, limits);
    }

    /**
     * Reads every record and hands each result to {@code results}, in file order.
     *
     * @throws IOException when the file itself cannot be read (missing, unreadable, corrupt compression)
     */
    public void read(MovieFile file, Consumer<RecordResult> results) throws IOException {
        Optional<MovieFileFormat> format = MovieFileFormat.of(file.name());
        if (format.isPresent() && format.get() == MovieFileFormat.ZIP) {
            bundles.read(file, results);
            return;
        }
        boolean zip;
        Progress progress = new Progress();
        try (BufferedInputStream raw = new BufferedInputStream(file.open(), BUFFER)) {
            zip = isZip(raw);
            if (!zip) {
                BufferedInputStream in = new BufferedInputStream(new LimitedInputStream(decompressed(raw), limits.maxFileBytes().toBytes(),
                        "the file expands beyond " + limits.maxFileBytes().toBytes() + " bytes"), BUFFER);
                try {
                    read(format.orElse(MovieFileFormat.JSON), in, progress, results);
                }
                catch (LimitedInputStream.LimitExceeded ex) {
                    results.accept(new RecordResult.Rejected(progress.position + 1, progress.line, RejectionCode.TOO_LARGE,
                            ex.getMessage() + "; the rest was not read"));
                }
            }
        }
        if (zip) {
            bundles.read(file, results);
        }
    }

    private void read(MovieFileFormat format, BufferedInputStream in, Progress progress, Consumer<RecordResult> results) throws IOException {
        if (format == MovieFileFormat.NDJSON) {
            readLines(in, progress, results);
            return;
        }
        int first = skipToContent(in, progress);
        if (first == -1) {
            results.accept(new RecordResult.Rejected(0, 0, RejectionCode.EMPTY_FILE, "file is empty"));
        }
        else if (first == '[' || first == '{') {
            readValues(in, first == '[', progress, results);
        }
        else {
            results.accept(new RecordResult.Rejected(0, progress.line, RejectionCode.MALFORMED, "not JSON: a movie file starts with '[' or '{', not '"
                    + printable(first) + "'"));
        }
    }

    private void readLines(InputStream in, Progress progress, Consumer<RecordResult> results) throws IOException {
        LineReader lines = new LineReader(in, (int) Math.min(Integer.MAX_VALUE, limits.maxRecordBytes().toBytes()));
        while (lines.next()) {
            progress.line++;
            if (lines.tooLong()) {
                results.accept(new RecordResult.Rejected(++progress.position, progress.line, RejectionCode.TOO_LARGE,
                        "record is larger than " + limits.maxRecordBytes().toBytes() + " bytes; skipped to the next line"));
                continue;
            }
            if (lines.isBlank()) {
                continue;
            }
            long position = ++progress.position;
            try {
                JsonNode record = oneValue.readTree(lines.bytes(), 0, lines.length());
                results.accept(record.isObject() || record.isArray() ? MovieValidator.validate(record, position, progress.line)
                        : new RecordResult.Rejected(position, progress.line, RejectionCode.NOT_AN_OBJECT, "record is not a JSON object"));
            }
            catch (JsonProcessingException ex) {
                results.accept(new RecordResult.Rejected(position, progress.line, RejectionCode.MALFORMED,
                        "malformed JSON at line " + progress.line + " (" + ex.getOriginalMessage() + "); skipped to the next line"));
            }
        }
    }

    /** An array of records ({@code inArray}), or records one after another at the root. */
    private void readValues(InputStream in, boolean inArray, Progress progress, Consumer<RecordResult> results) throws IOException {
        long lineOffset = progress.line - 1;
        try (JsonParser parser = json.getFactory().createParser(in)) {
            if (inArray) {
                parser.nextToken();
            }
            JsonToken token;
            while ((token = parser.nextToken()) != (inArray ? JsonToken.END_ARRAY : null)) {
                if (token == null) {
                    results.accept(new RecordResult.Rejected(progress.position + 1, progress.line, RejectionCode.TRUNCATED,
                            "file ends inside the array: truncated?"));
                    return;
                }
                progress.line = lineOffset + parser.currentTokenLocation().getLineNr();
                long position = progress.position + 1;
                // Counted once read whole: a record the file breaks off in is the one the rejection names.
                RecordResult result = !inArray && !token.isStructStart()
                        ? new RecordResult.Rejected(position, progress.line, RejectionCode.NOT_AN_OBJECT, "record is not a JSON object")
                        : record(parser, position, progress.line);
                progress.position = position;
                results.accept(result);
            }
            if (inArray && parser.nextToken() != null) {
                results.accept(new RecordResult.Rejected(progress.position + 1, lineOffset + parser.currentTokenLocation().getLineNr(),
                        RejectionCode.MALFORMED, "unexpected content after the end of the array"));
            }
        }
        catch (StreamConstraintsException ex) {
            results.accept(new RecordResult.Rejected(progress.position + 1, progress.line, RejectionCode.TOO_LARGE,
                    "a value in this record breaks a bound (" + ex.getOriginalMessage() + "); the rest of the file cannot be read"));
        }
        catch (JsonProcessingException ex) {
            results.accept(new RecordResult.Rejected(progress.position + 1, lineOf(ex, lineOffset, progress.line), RejectionCode.MALFORMED,
                    "malformed JSON (" + ex.getOriginalMessage() + "); the rest of the file cannot be read"));
        }
    }

    /**
     * The record the parser stands at the start of, buffered token by token while it stays within
     * {@code maxRecordBytes}; past that, the rest of it is read through without being kept, and it is rejected.
     */
    private RecordResult record(JsonParser parser, long position, long line) throws IOException {
        if (!parser.currentToken().isStructStart()) {
            return MovieValidator.validate(json.readTree(parser), position, line);
        }
        long start = parser.currentTokenLocation().getByteOffset();
        long max = limits.maxRecordBytes().toBytes();
        TokenBuffer buffer = new TokenBuffer(parser);
        buffer.copyCurrentEvent(parser);
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token.isStructStart()) {
                depth++;
            }
            else if (token.isStructEnd()) {
                depth--;
            }
            if (buffer != null) {
                buffer.copyCurrentEvent(parser);
                if (parser.currentLocation().getByteOffset() - start > max) {
                    buffer = null;
                }
            }
        }
        if (buffer == null) {
            return new RecordResult.Rejected(position, line, RejectionCode.TOO_LARGE, "record is larger than " + max + " bytes");
        }
        try (JsonParser buffered = buffer.asParser()) {
            return MovieValidator.validate(json.readTree(buffered), position, line);
        }
    }

    private static boolean isZip(BufferedInputStream raw) throws IOException {
        raw.mark(4);
        byte[] magic = raw.readNBytes(4);
        raw.reset();
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static InputStream decompressed(BufferedInputStream raw) throws IOException {
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(raw, BUFFER);
        }
        return raw;
    }

    /** Reads past whitespace and a UTF-8 byte order mark, counting lines; returns the first byte of content, left unread. */
    private static int skipToContent(BufferedInputStream in, Progress progress) throws IOException {
        progress.line = 1;
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b == -1) {
                return -1;
            }
            if (b == '\n') {
                progress.line++;
            }
            else if (b != ' ' && b != '\t' && b != '\r' && b != 0xEF && b != 0xBB && b != 0xBF) {
                in.reset();
                return b;
            }
        }
    }

    private static long lineOf(JsonProcessingException ex, long lineOffset, long fallback) {
        JsonLocation location = ex.getLocation();
        return location == null || location.getLineNr() < 1 ? fallback : lineOffset + location.getLineNr();
    }

    private static String printable(int b) {
        return b >= 32 && b < 127 ? Character.toString((char) b) : String.format("0x%02x", b);
    }

    /** How far reading got: the last record's position and line, for a rejection of the rest. */
    private static final class Progress {

        long position;
        long line;
    }
}
