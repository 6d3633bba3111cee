package io.marquee.indexer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.marquee.records.MovieFileFormat;
import io.marquee.records.RecordResult;
import io.marquee.records.RejectionCode;

/**
 * Streams the records of a movie file, one at a time and in one pass, so memory does not grow with the file. The
 * format comes from the file's name ({@link MovieFileFormat}), never from a URI that may end in a query, and each
 * format has its {@link FormatReader}:
 * <ul>
 * <li>NDJSON ({@link NdjsonRecordsReader}), JSON ({@link JsonRecordsReader}), either of them gzipped (detected from
 * the content);</li>
 * <li>a zip bundle in the Kaggle "The Movies Dataset" layout ({@link ZipBundleReader}), also when its content says
 * so under another name.</li>
 * </ul>
 * A file without a known name is read as JSON. Every bound in {@link IngestLimits} is checked as bytes arrive: a
 * file that expands beyond {@code maxFileBytes} is read no further.
 */
public final class MovieFileReader {

    private static final int BUFFER = 64 * 1024;

    private final IngestLimits limits;
    private final Map<MovieFileFormat, FormatReader> readers = new EnumMap<>(MovieFileFormat.class);

    MovieFileReader(IngestLimits limits, List<FormatReader> readers) {
        this.limits = limits;
        for (FormatReader reader : readers) {
            if (this.readers.put(reader.format(), reader) != null) {
                throw new IllegalArgumentException("two readers for " + reader.format());
            }
        }
        for (MovieFileFormat format : MovieFileFormat.values()) {
            if (!this.readers.containsKey(format)) {
                throw new IllegalArgumentException("no reader for " + format);
            }
        }
    }

    /** The reader of every {@link MovieFileFormat}, within {@code limits}. */
    public static MovieFileReader of(ObjectMapper json, IngestLimits limits) {
        // A copy whose parser refuses any one value longer than a record may be, before buffering it.
        ObjectMapper bounded = json.copy();
        bounded.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxRecordBytes().toBytes())).maxNestingDepth(64).build());
        return new MovieFileReader(limits, List.of(new JsonRecordsReader(bounded, limits), new NdjsonRecordsReader(bounded, limits),
                new ZipBundleReader(json, limits)));
    }

    /**
     * Reads every record and hands each result to {@code results}, in file order.
     *
     * @throws IOException when the file itself cannot be read (missing, unreadable, corrupt compression)
     */
    public void read(MovieFile file, Consumer<RecordResult> results) throws IOException {
        FormatReader reader = readers.get(MovieFileFormat.of(file.name()).orElse(MovieFileFormat.JSON));
        if (reader instanceof FormatReader.OnePass onePass) {
            try (BufferedInputStream raw = new BufferedInputStream(file.open(), BUFFER)) {
                if (!isZip(raw)) {
                    read(onePass, raw, results);
                    return;
                }
            }
            reader = readers.get(MovieFileFormat.ZIP);
        }
        ((ZipBundleReader) reader).read(file, results);
    }

    private void read(FormatReader.OnePass reader, BufferedInputStream raw, Consumer<RecordResult> results) throws IOException {
        ReadProgress progress = new ReadProgress();
        BufferedInputStream in = new BufferedInputStream(new LimitedInputStream(decompressed(raw), limits.maxFileBytes().toBytes(),
                "the file expands beyond " + limits.maxFileBytes().toBytes() + " bytes"), BUFFER);
        try {
            reader.read(in, progress, results);
        }
        catch (LimitedInputStream.LimitExceeded ex) {
            results.accept(new RecordResult.Rejected(progress.position + 1, progress.line, RejectionCode.TOO_LARGE,
                    ex.getMessage() + "; the rest was not read"));
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
}
