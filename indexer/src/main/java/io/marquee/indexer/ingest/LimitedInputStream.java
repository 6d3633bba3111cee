package io.marquee.indexer.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it, and refuses to read more than its limit. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String reason;
    private long count;

    /**
     * @param reason what a reader reports when the limit is passed
     */
    LimitedInputStream(InputStream in, long limit, String reason) {
        super(in);
        this.limit = limit;
        this.reason = reason;
    }

    /** A stream that only counts: no limit. */
    static LimitedInputStream counting(InputStream in) {
        return new LimitedInputStream(in, Long.MAX_VALUE, "");
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws LimitExceeded {
        count += n;
        if (count > limit) {
            throw new LimitExceeded(reason);
        }
    }

    /** A bound broken while reading: what was read before it stands, the rest is not read. */
    static final class LimitExceeded extends IOException {

        LimitExceeded(String reason) {
            super(reason);
        }
    }
}
