package io.marquee.indexer.ingest;

/** How far reading a file got: the last record's position and line, for a rejection of the rest. */
final class ReadProgress {

    long position;
    long line;
}
