package io.marquee.api.access;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientBucketsTests {

    private static final AccessProperties.Key KEY = new AccessProperties.Key("partner", "a".repeat(64), Set.of(Scope.SEARCH), 100, 200);

    private final ClientBuckets buckets = new ClientBuckets(new AccessProperties(List.of(KEY), new AccessProperties.Anonymous(true, 20, 40),
            null, Duration.ofSeconds(10)));

    @Test
    void aFloodOfAddressesNeverEvictsAKeysBucket() {
        TokenBucket partner = buckets.forKey(KEY);

        for (int i = 0; i < ClientBuckets.MAX_SOURCES + 50_000; i++) {
            buckets.forSource("198.51." + (i >> 8 & 0xff) + "." + (i & 0xff) + "/" + i);
        }

        assertThat(buckets.sourcesHeld()).isLessThanOrEqualTo(ClientBuckets.MAX_SOURCES);
        // The same bucket, not a fresh one: an evicted bucket would come back full, a free reset of the client's limit.
        assertThat(buckets.forKey(KEY)).isSameAs(partner);
    }

    @Test
    void forgetsTheBucketsOfRevokedKeys() {
        buckets.forKey(KEY);
        buckets.retainKeys(List.of());

        assertThat(buckets.keysHeld()).isZero();
    }
}
