package io.marquee.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints as lower-case hex, shortened where a fingerprint only has to tell values apart (ids, ETags,
 * shard preferences) and whole where it has to resist forgery (API key hashes).
 */
public final class Digests {

    /** The length of a whole SHA-256 digest, in bytes. */
    public static final int SHA256_BYTES = 32;

    private Digests() {
    }

    /** The first {@code bytes} bytes of the SHA-256 digest of {@code text} in UTF-8, as {@code 2 × bytes} hex digits. */
    public static String sha256Hex(String text, int bytes) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8), bytes);
    }

    /** The first {@code bytes} bytes of the SHA-256 digest of {@code data}, as {@code 2 × bytes} hex digits. */
    public static String sha256Hex(byte[] data, int bytes) {
        if (bytes < 1 || bytes > SHA256_BYTES) {
            throw new IllegalArgumentException("A SHA-256 digest has 1 to " + SHA256_BYTES + " bytes, not " + bytes);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, bytes);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }
}
