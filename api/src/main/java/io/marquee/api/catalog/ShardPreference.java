package io.marquee.api.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A custom Elasticsearch {@code preference} for a request key: a digest of the key's text, so every API replica and
 * every restart sends the same search to the same shard copies. It never starts with {@code _} (those are reserved).
 */
final class ShardPreference {

    private static final int BYTES = 8;

    private ShardPreference() {
    }

    static String of(Object key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
            return "k" + HexFormat.of().formatHex(digest, 0, BYTES);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
