package io.marquee.indexer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.marquee.records.MovieFileFormat;
import io.marquee.records.MovieValidator;
import io.marquee.records.RecordResult;
import io.marquee.records.RejectionCode;

/** NDJSON: one movie object per line; a broken or oversized line costs only itself. */
final class NdjsonRecordsReader implements FormatReader.OnePass {

    private final ObjectReader oneValue;
    private final int maxRecordBytes;

    /** {@code json}: a mapper whose parser already refuses values longer than a record may be. */
    NdjsonRecordsReader(ObjectMapper json, IngestLimits limits) {
        this.oneValue = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxRecordBytes = (int) Math.min(Integer.MAX_VALUE, limits.maxRecordBytes().toBytes());
    }

    @Override
    public MovieFileFormat format() {
        return MovieFileFormat.NDJSON;
    }

    @Override
    public void read(BufferedInputStream content, ReadProgress progress, Consumer<RecordResult> results) throws IOException {
        LineReader lines = new LineReader(content, maxRecordBytes);
        while (lines.next()) {
            progress.line++;
            if (lines.tooLong()) {
                results.accept(new RecordResult.Rejected(++progress.position, progress.line, RejectionCode.TOO_LARGE,
                        "record is larger than " + maxRecordBytes + " bytes; skipped to the next line"));
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
}
