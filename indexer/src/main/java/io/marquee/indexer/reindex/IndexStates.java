package io.marquee.indexer.reindex;

import java.io.IOException;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;

import io.marquee.schema.IndexNames;
import io.marquee.indexer.indices.MovieIndexAdmin;

/**
 * Reads and writes the {@link IndexState} document. Only the holder of the lease writes it. A deployment that has
 * never reindexed has no document; its state is then read off the aliases.
 */
final class IndexStates {

    private final ElasticsearchClient client;
    private final MovieIndexAdmin admin;
    private final IndexNames names;

    IndexStates(ElasticsearchClient client, MovieIndexAdmin admin) {
        this.client = client;
        this.admin = admin;
        this.names = admin.names();
    }

    IndexState read() {
        try {
            GetResponse<IndexState> response = client.get(g -> g.index(names.controlIndex()).id(IndexState.ID), IndexState.class);
            IndexState stored = response.found() ? response.source() : null;
            String live = admin.readIndex().orElse(null);
            if (stored == null || live == null) {
                return new IndexState(IndexState.KIND, live, null, null, null, null, null);
            }
            // The aliases are the truth; a state that disagrees was left by an operation that died between the two.
            return live.equals(stored.live()) ? stored : new IndexState(IndexState.KIND, live, null, null, null, null, null);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch unreachable while reading the index state", ex);
        }
    }

    void write(IndexState state) {
        try {
            client.index(i -> i.index(names.controlIndex()).id(IndexState.ID).document(state).refresh(Refresh.True));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Elasticsearch unreachable while writing the index state", ex);
        }
    }
}
