package io.tandem.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; tests never sleep a fixed time. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done) {
        return await(timeout, Duration.ofMillis(200), probe, done);
    }

    /** The same, probing every {@code interval} (a benchmark probes rarely, so its probes cost the server little). */
    public static <T> T await(Duration timeout, Duration interval, Supplier<T> probe, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not reached within " + timeout.toSeconds() + " s; last seen: " + last);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            last = probe.get();
        }
        return last;
    }

    /**
     * Waits until the wall clock enters its next second. Salesforce stamps records to the second, so a
     * change that must be later than another (for "the later change wins") is made in a later second.
     */
    public static void nextSecond() {
        long second = System.currentTimeMillis() / 1000;
        await(Duration.ofSeconds(3), () -> System.currentTimeMillis() / 1000 > second, passed -> passed);
    }
}
