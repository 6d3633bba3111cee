package io.marquee.api.catalog;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBudgetTests {

    @Test
    void allowsTheReserveThenOneRetryPerTenCallsDuringAnOutage() {
        RetryBudget budget = new RetryBudget(0.1, 5);

        long fromReserve = IntStream.range(0, 10).filter(i -> budget.tryRetry()).count();
        assertThat(fromReserve).isEqualTo(5);

        long retried = 0;
        for (int call = 0; call < 1_000; call++) {
            budget.called();
            if (budget.tryRetry()) {
                retried++;
            }
        }
        assertThat(retried).isEqualTo(100);
    }

    @Test
    void neverSavesMoreThanItsReserve() {
        RetryBudget budget = new RetryBudget(0.5, 3);
        IntStream.range(0, 1_000).forEach(i -> budget.called());

        assertThat(IntStream.range(0, 10).filter(i -> budget.tryRetry()).count()).isEqualTo(3);
    }

    @Test
    void allowsNoRetryWhenItHasNoShare() {
        RetryBudget budget = new RetryBudget(0.0, 0);
        IntStream.range(0, 100).forEach(i -> budget.called());

        assertThat(budget.tryRetry()).isFalse();
    }
}
