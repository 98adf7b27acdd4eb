package io.tandem.domain.model.sync;

/**
 * Where an outbox entry stands. "Queued" means waiting or held by a drain ({@link #isQueued}): the one
 * meaning the overview, the metrics and the queue listing share.
 */
public enum OutboxStatus {
    /** Waiting for a drain (perhaps not before its next attempt time). */
    PENDING,
    /** Held by a drain under a lease; back to waiting when the lease runs out. */
    CLAIMED,
    SENT,
    /** Refused by Salesforce or by Tandem's checks; waits for a replay. */
    FAILED,
    /** Nothing to send, with the reason why. */
    SKIPPED;

    public boolean isQueued() {
        return this == PENDING || this == CLAIMED;
    }
}
