package io.marquee.api.history;

import java.util.List;

import io.marquee.movie.AuditEntry;

/**
 * The recorded changes of one movie, newest first.
 */
record MovieHistory(String movieId, List<AuditEntry> changes) {

    MovieHistory {
        changes = List.copyOf(changes);
    }
}
