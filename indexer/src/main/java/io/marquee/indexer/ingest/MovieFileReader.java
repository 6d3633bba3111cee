package io.marquee.indexer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.marquee.records.MovieValidator;
import io.marquee.records.RecordResult;

/**
 * Streams the records of a movie file, one at a time, so memory does not grow with the file:
 * <ul>
 * <li>a JSON array of movie objects (the wikipedia-movie-data shape);</li>
 * <li>NDJSON, one movie object per line, or a single movie object;</li>
 * <li>any of these gzipped (detected from the content, not the name);</li>
 * <li>a zip bundle in the Kaggle "The Movies Dataset" layout ({@link ZipBundleReader}).</li>
 * </ul>
 * Broken JSON inside an NDJSON file costs only its line: reading resumes on the next one. Broken JSON inside
 * an array ends the readable part of the file, and the rest is reported as one rejection.
 */
public final class MovieFileReader {

    private static final int SNIFF_LIMIT = 64 * 1024;
    private static final int ZIP = -2;

    private final ObjectMapper json;

    public MovieFileReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Reads every record and hands each result to {@code results}, in file order.
     *
     * @throws IOException when the file itself cannot be read (missing, unreadable, corrupt compression)
     */
    public void read(MovieFile file, Consumer<RecordResult> results) throws IOException {
        int first = sniff(file);
        if (first == ZIP) {
            new ZipBundleReader(json, ZipBundleReader.Limits.defaults()).read(file, results);
        }
        else if (first == -1) {
            results.accept(new RecordResult.Rejected(0, 0, "file is empty"));
        }
        else if (lineDelimited(file)) {
            // Read line by line whatever its first line looks like: a broken first line leaves the others to give.
            readRootValues(file, results);
        }
        else if (first == '[') {
            readArray(file, results);
        }
        else if (first == '{') {
            readRootValues(file, results);
        }
        else {
            results.accept(new RecordResult.Rejected(0, 1, "not JSON: a movie file starts with '[' or '{', not '"
                    + printable(first) + "'"));
        }
    }

    private static boolean lineDelimited(MovieFile file) {
        String name = file.uri().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.gz$", "");
        return name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    private void readArray(MovieFile file, Consumer<RecordResult> results) throws IOException {
        long position = 0;
        long line = 1;
        try (InputStream in = open(file); JsonParser parser = json.getFactory().createParser(in)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    results.accept(new RecordResult.Rejected(position + 1, line, "file ends inside the array: truncated?"));
                    return;
                }
                line = parser.currentTokenLocation().getLineNr();
                JsonNode record = json.readTree(parser);
                position++;
                results.accept(MovieValidator.validate(record, position, line));
            }
            if (parser.nextToken() != null) {
                results.accept(new RecordResult.Rejected(position + 1, parser.currentTokenLocation().getLineNr(),
                        "unexpected content after the end of the array"));
            }
        }
        catch (JsonProcessingException ex) {
            results.accept(new RecordResult.Rejected(position + 1, lineOf(ex, line),
                    "malformed JSON (" + ex.getOriginalMessage() + "); the rest of the file cannot be read"));
        }
    }

    private void readRootValues(MovieFile file, Consumer<RecordResult> results) throws IOException {
        long position = 0;
        long linesSkipped = 0;
        while (true) {
            long recordStart = 0;
            try (InputStream in = skipLines(open(file), linesSkipped); JsonParser parser = json.getFactory().createParser(in)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    position++;
                    recordStart = linesSkipped + parser.currentTokenLocation().getLineNr();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        results.accept(MovieValidator.validate(json.readTree(parser), position, recordStart));
                    }
                    else {
                        results.accept(new RecordResult.Rejected(position, recordStart, "record is not a JSON object"));
                    }
                    recordStart = 0;
                }
                return;
            }
            catch (JsonProcessingException ex) {
                long errorLine = linesSkipped + lineOf(ex, 1);
                if (recordStart == 0) {
                    position++;
                }
                // Resume on the line after the one the broken record started on, so that a record cut short
                // loses nothing of the well-formed line that follows it.
                long resumeAfter = recordStart > 0 ? recordStart : Math.max(errorLine, linesSkipped + 1);
                results.accept(new RecordResult.Rejected(position, resumeAfter,
                        "malformed JSON at line " + errorLine + " (" + ex.getOriginalMessage() + "); skipped to the next line"));
                linesSkipped = resumeAfter;
            }
        }
    }

    /**
     * Looks at the start of the file once (for an S3 object, one GET): {@link #ZIP} for a zip bundle, else the
     * first significant byte of the (decompressed) content, or -1 when there is none.
     */
    private static int sniff(MovieFile file) throws IOException {
        try (BufferedInputStream raw = new BufferedInputStream(file.open(), SNIFF_LIMIT)) {
            raw.mark(4);
            byte[] magic = raw.readNBytes(4);
            raw.reset();
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                return ZIP;
            }
            return firstSignificantByte(decompressed(raw));
        }
    }

    private static InputStream open(MovieFile file) throws IOException {
        return decompressed(new BufferedInputStream(file.open(), SNIFF_LIMIT));
    }

    private static InputStream decompressed(BufferedInputStream raw) throws IOException {
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, SNIFF_LIMIT), SNIFF_LIMIT);
        }
        return raw;
    }

    private static int firstSignificantByte(InputStream in) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            // Skip whitespace and a UTF-8 byte order mark.
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
                return b;
            }
        }
        return -1;
    }

    private static InputStream skipLines(InputStream in, long lines) throws IOException {
        long remaining = lines;
        while (remaining > 0) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            if (b == '\n') {
                remaining--;
            }
        }
        return in;
    }

    private static long lineOf(JsonProcessingException ex, long fallback) {
        JsonLocation location = ex.getLocation();
        return location == null || location.getLineNr() < 1 ? fallback : location.getLineNr();
    }

    private static String printable(int b) {
        return b >= 32 && b < 127 ? Character.toString((char) b) : String.format("0x%02x", b);
    }
}
