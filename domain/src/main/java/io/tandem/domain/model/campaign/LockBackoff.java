package io.tandem.domain.model.campaign;

import java.time.Duration;

/**
 * How long a campaign's members wait after Salesforce could not lock the campaign (UNABLE_TO_LOCK_ROW: its
 * other members were being written, by Tandem or by anyone else): 2 s after the first refusal, doubling
 * with each refusal in a row up to 2 minutes, and stretched by up to half again at random so that writers
 * who met on the same campaign do not meet again on the same beat.
 */
public final class LockBackoff {

    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration LONGEST = Duration.ofMinutes(2);

    private LockBackoff() {
    }

    /**
     * The pause after the {@code attempts}-th refusal in a row (1 for the first); {@code jitter} in [0, 1)
     * stretches it by up to half.
     */
    public static Duration pause(int attempts, double jitter) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts start at 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is in [0, 1)");
        }
        long base = Math.min(LONGEST.toMillis(), FIRST.toMillis() << Math.min(attempts - 1, 20));
        return Duration.ofMillis(base + (long) (base * jitter / 2));
    }
}
