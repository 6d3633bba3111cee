package io.marquee.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream one line at a time, in one pass, holding at most one line of up to {@code maxLineBytes}: a longer
 * line is skipped to its end without being kept, and reported as {@link #tooLong()}. Strips a line's trailing
 * {@code \r} and the file's UTF-8 byte order mark.
 */
final class LineReader {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private byte[] line = new byte[4096];
    private int length;
    private boolean tooLong;
    private boolean first = true;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads the next line; false at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = Math.max(in.read(buffer, 0, buffer.length), 0);
                position = 0;
                if (limit == 0) {
                    finish();
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++;
                finish();
                return true;
            }
        }
    }

    /** The line's bytes, valid up to {@link #length()} until the next call. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** The line was longer than allowed; its bytes were not kept. */
    boolean tooLong() {
        return tooLong;
    }

    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private void append(int start, int count) {
        if (tooLong || count == 0) {
            return;
        }
        if (length + count > maxLineBytes) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + count > line.length) {
            byte[] grown = new byte[Math.min(maxLineBytes, Math.max(line.length * 2, length + count))];
            System.arraycopy(line, 0, grown, 0, length);
            line = grown;
        }
        System.arraycopy(buffer, start, line, length, count);
        length += count;
    }

    private void finish() {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (first && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            System.arraycopy(line, 3, line, 0, length - 3);
            length -= 3;
        }
        first = false;
    }
}
