package io.marquee.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DigestsTests {

    @Test
    void givesTheKnownSha256OfATextInHex() {
        assertThat(Digests.sha256Hex("abc", Digests.SHA256_BYTES))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shortensToTheLeadingBytes() {
        assertThat(Digests.sha256Hex("abc", 4)).isEqualTo("ba7816bf");
    }

    @Test
    void rejectsALengthNoDigestHas() {
        assertThatIllegalArgumentException().isThrownBy(() -> Digests.sha256Hex("abc", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Digests.sha256Hex("abc", 33));
    }

    @Test
    void checksumsWithBothPolynomials() {
        // The standard check values of CRC-32C and CRC-32 for "123456789".
        assertThat(Digests.checksumHex("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEqualTo("e3069283cbf43926");
        assertThat(Digests.checksumHex(new byte[0])).isEqualTo("0000000000000000");
    }
}
