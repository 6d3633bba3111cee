package io.marquee.api.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound is installed for every test of this module (by its JUnit Platform listener), so a blocking call on an
 * event loop or a Reactor non-blocking scheduler anywhere in the API's tests fails them. This proves it is on.
 */
class BlockHoundTests {

    @Test
    void rejectsBlockingOnANonBlockingThread() {
        StepVerifier.create(Mono.delay(Duration.ofMillis(1), Schedulers.parallel()).doOnNext(tick -> sleep()))
                .expectErrorMatches(error -> error instanceof BlockingOperationError)
                .verify(Duration.ofSeconds(5));
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
