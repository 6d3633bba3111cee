package io.marquee.indexer.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.function.Consumer;

import io.marquee.records.MovieFileFormat;
import io.marquee.records.RecordResult;

/**
 * How the records of one {@link MovieFileFormat} are read. {@link MovieFileReader} holds exactly one reader per format
 * and refuses to start without one, so a format added to the enum cannot go unread.
 */
sealed interface FormatReader permits FormatReader.OnePass, ZipBundleReader {

    /** The format this reader reads. */
    MovieFileFormat format();

    /**
     * A format read in one pass over the file's content, which {@link MovieFileReader} has already decompressed and
     * bounded by {@link IngestLimits#maxFileBytes()}.
     */
    non-sealed interface OnePass extends FormatReader {

        /** Hands each record's result to {@code results} in file order, keeping {@code progress} up to date. */
        void read(BufferedInputStream content, ReadProgress progress, Consumer<RecordResult> results) throws IOException;
    }
}
