package io.marquee.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * SHA-256 fingerprints as lower-case hex, shortened where a fingerprint only has to tell values apart (ids, shard
 * preferences) and whole where it has to resist forgery (API key hashes); and a checksum fingerprint for large
 * values that only have to be told apart from their own other versions, many times a second (ETags).
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

    /**
     * 64 bits telling {@code data} from other versions of it, as 16 hex digits: its CRC-32C and its CRC-32, two
     * polynomials, so that two versions match only if their difference is a multiple of both. Not a defence against
     * someone crafting a match (use SHA-256 for that); some twenty times cheaper than SHA-256 on a 70 KB answer.
     */
    public static String checksumHex(byte[] data) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(data);
        CRC32 ieee = new CRC32();
        ieee.update(data);
        return HexFormat.of().toHexDigits(castagnoli.getValue() << 32 | ieee.getValue());
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
