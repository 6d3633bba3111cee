package io.marquee.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * One delivery of movie records, wherever it lives. The reader only needs a name for reports and a fresh
 * stream of its bytes (gzipped or not).
 */
public interface MovieFile {

    /** Where the file lives, e.g. {@code file:/data/movies.json} or {@code s3://bucket/key}. */
    String uri();

    InputStream open() throws IOException;
}
