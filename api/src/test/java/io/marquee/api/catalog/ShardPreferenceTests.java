package io.marquee.api.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardPreferenceTests {

    @Test
    void sendsEqualKeysToTheSameShardCopiesOnEveryReplica() {
        // A fixed value: the digest of the key's text, so it does not depend on the JVM (as identity hash codes would).
        assertThat(ShardPreference.of(new Key("tom cru", 5))).isEqualTo("kafe44c115bf145c5")
                .isEqualTo(ShardPreference.of(new Key("tom cru", 5)));
    }

    @Test
    void spreadsDifferentKeys() {
        assertThat(ShardPreference.of(new Key("tom cru", 5))).isNotEqualTo(ShardPreference.of(new Key("tom cru", 6)));
    }

    @Test
    void neverStartsWithTheReservedUnderscore() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(ShardPreference.of(i)).doesNotStartWith("_").hasSize(17);
        }
    }

    private record Key(String folded, int size) {
    }
}
