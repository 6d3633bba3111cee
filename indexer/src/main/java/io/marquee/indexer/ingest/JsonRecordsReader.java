package io.marquee.indexer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import io.marquee.records.MovieFileFormat;
import io.marquee.records.MovieValidator;
import io.marquee.records.RecordResult;
import io.marquee.records.RejectionCode;

/**
 * JSON: an array of movie objects (the wikipedia-movie-data shape), or one or more objects at the root. Broken JSON
 * ends the readable part of the file, and the rest is reported as one rejection; a record over
 * {@code maxRecordBytes} is read through without being kept, and rejected.
 */
final class JsonRecordsReader implements FormatReader.OnePass {

    private final ObjectMapper json;
    private final long maxRecordBytes;

    /** {@code json}: a mapper whose parser already refuses values longer than a record may be. */
    JsonRecordsReader(ObjectMapper json, IngestLimits limits) {
        this.json = json;
        this.maxRecordBytes = limits.maxRecordBytes().toBytes();
    }

    @Override
    public MovieFileFormat format() {
        return MovieFileFormat.JSON;
    }

    @Override
    public void read(BufferedInputStream content, ReadProgress progress, Consumer<RecordResult> results) throws IOException {
        int first = skipToContent(content, progress);
        if (first == -1) {
            results.accept(new RecordResult.Rejected(0, 0, RejectionCode.EMPTY_FILE, "file is empty"));
        }
        else if (first == '[' || first == '{') {
            readValues(content, first == '[', progress, results);
        }
        else {
            results.accept(new RecordResult.Rejected(0, progress.line, RejectionCode.MALFORMED, "not JSON: a movie file starts with '[' or '{', not '"
                    + printable(first) + "'"));
        }
    }

    /** An array of records ({@code inArray}), or records one after another at the root. */
    private void readValues(InputStream in, boolean inArray, ReadProgress progress, Consumer<RecordResult> results) throws IOException {
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
                if (parser.currentLocation().getByteOffset() - start > maxRecordBytes) {
                    buffer = null;
                }
            }
        }
        if (buffer == null) {
            return new RecordResult.Rejected(position, line, RejectionCode.TOO_LARGE, "record is larger than " + maxRecordBytes + " bytes");
        }
        try (JsonParser buffered = buffer.asParser()) {
            return MovieValidator.validate(json.readTree(buffered), position, line);
        }
    }

    /** Reads past whitespace and a UTF-8 byte order mark, counting lines; returns the first byte of content, left unread. */
    private static int skipToContent(BufferedInputStream in, ReadProgress progress) throws IOException {
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
}
