package io.marquee.api.catalog;

import io.marquee.text.Digests;

/**
 * A custom Elasticsearch {@code preference} for a request key: a digest of the key's text, so every API replica and
 * every restart sends the same search to the same shard copies. It never starts with {@code _} (those are reserved).
 */
final class ShardPreference {

    private static final int BYTES = 8;

    private ShardPreference() {
    }

    static String of(Object key) {
        return "k" + Digests.sha256Hex(String.valueOf(key), BYTES);
    }
}
