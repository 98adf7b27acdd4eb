package io.tandem.interfaces.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Hand clock = new Hand();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void aUserIsLockedAfterFiveFailuresInARowAndEachFurtherFailureDoublesTheWait() {
        for (int i = 1; i < LoginThrottle.USER_FAILURES; i++) {
            throttle.failed("ada", "10.0.0.1");
            assertEquals(Optional.empty(), throttle.locked("ada", "10.0.0.1"), "failure " + i + " is not locked yet");
        }
        throttle.failed("ada", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.locked("ada", "10.0.0.9"), "locked from any address");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.locked("ADA ", "10.0.0.9"), "whatever the case of the name");
        assertEquals(Optional.empty(), throttle.locked("grace", "10.0.0.9"), "another user is not");

        clock.advance(Duration.ofSeconds(31));
        assertEquals(Optional.empty(), throttle.locked("ada", "10.0.0.1"), "the lock runs out");
        throttle.failed("ada", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.locked("ada", "10.0.0.1"));
        for (int i = 0; i < 12; i++) {
            throttle.failed("ada", "10.0.0.1");
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.locked("ada", "10.0.0.1"), "never longer than 15 minutes");
    }

    @Test
    void aSuccessClearsTheUserAndTheAddress() {
        for (int i = 0; i < LoginThrottle.USER_FAILURES - 1; i++) {
            throttle.failed("ada", "10.0.0.1");
        }
        throttle.succeeded("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.locked("ada", "10.0.0.1"), "counting starts again");
    }

    @Test
    void oneAddressTryingManyNamesIsLockedForEveryName() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertTrue(throttle.locked("someone-else", "192.0.2.7").isPresent());
        assertEquals(Optional.empty(), throttle.locked("someone-else", "192.0.2.8"));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < LoginThrottle.USER_FAILURES - 1; i++) {
            throttle.failed("ada", "10.0.0.1");
        }
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        throttle.failed("ada", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.locked("ada", "10.0.0.1"));
    }

    @Test
    void anInvalidTokenCountsAgainstItsAddressOnly() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed(null, "198.51.100.1");
        }
        assertTrue(throttle.locked(null, "198.51.100.1").isPresent());
    }
}
