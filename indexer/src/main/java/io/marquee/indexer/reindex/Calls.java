package io.marquee.indexer.reindex;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Elasticsearch calls of the reindex operations, with an unreachable cluster reported as what was being done. */
final class Calls {

    private Calls() {
    }

    static <T> T io(String what, IoCall<T> call) {
        try {
            return call.run();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch unreachable while " + what + ": " + ex.getMessage(), ex);
        }
    }

    @FunctionalInterface
    interface IoCall<T> {
        T run() throws IOException;
    }
}
