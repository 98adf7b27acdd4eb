package io.tandem.domain.model.campaign;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockBackoffTest {

    @Test
    void theFirstRefusalWaitsTwoSecondsAndEachOneInARowDoubles() {
        assertEquals(Duration.ofSeconds(2), LockBackoff.pause(1, 0));
        assertEquals(Duration.ofSeconds(4), LockBackoff.pause(2, 0));
        assertEquals(Duration.ofSeconds(8), LockBackoff.pause(3, 0));
        assertEquals(Duration.ofSeconds(64), LockBackoff.pause(6, 0));
    }

    @Test
    void noPauseIsLongerThanTwoMinutesBeforeItsJitter() {
        assertEquals(Duration.ofMinutes(2), LockBackoff.pause(8, 0));
        assertEquals(Duration.ofMinutes(2), LockBackoff.pause(1_000, 0));
        Duration longest = LockBackoff.pause(1_000, 0.99999);
        assertTrue(longest.compareTo(Duration.ofMinutes(2)) > 0 && longest.compareTo(Duration.ofMinutes(3)) < 0, longest::toString);
    }

    @Test
    void jitterStretchesByUpToHalf() {
        Duration plain = LockBackoff.pause(3, 0);
        Duration stretched = LockBackoff.pause(3, 0.5);
        assertEquals(plain.plus(plain.dividedBy(4)), stretched);
        assertTrue(LockBackoff.pause(3, 0.999).compareTo(plain.plus(plain.dividedBy(2))) < 0);
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LockBackoff.pause(0, 0));
        assertThrows(IllegalArgumentException.class, () -> LockBackoff.pause(1, 1));
        assertThrows(IllegalArgumentException.class, () -> LockBackoff.pause(1, -0.1));
    }
}
