package io.marquee.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Elasticsearch calls of the operations that read or rewrite whole indices, with an unreachable cluster reported as what was being done. */
public final class Calls {

    private Calls() {
    }

    public static <T> T io(String what, IoCall<T> call) {
        try {
            return call.run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch unreachable while " + what + ": " + ex.getMessage(), ex);
        }
    }

    @FunctionalInterface
    public interface IoCall<T> {
        T run() throws IOException;
    }
}
