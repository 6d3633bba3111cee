package io.marquee.api.access;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

    private final AtomicLong now = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(2, 3, now::get);

    @Test
    void allowsABurstThenRefusesUntilRefilled() {
        assertThat(bucket.take()).isEqualTo(new TokenBucket.Outcome(true, 3, 2, 1));
        assertThat(bucket.take().remaining()).isEqualTo(1);
        assertThat(bucket.take()).isEqualTo(new TokenBucket.Outcome(true, 3, 0, 2));
        assertThat(bucket.take()).isEqualTo(new TokenBucket.Outcome(false, 3, 0, 1));

        now.addAndGet(500_000_000L);

        assertThat(bucket.take().allowed()).as("half a second at 2 a second refills one").isTrue();
        assertThat(bucket.take().allowed()).isFalse();
    }

    @Test
    void neverHoldsMoreThanItsBurst() {
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take().allowed()).isTrue();
        }
        assertThat(bucket.take().allowed()).isFalse();
    }
}
