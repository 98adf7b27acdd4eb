package io.tandem.domain.service;

import java.time.Duration;
import java.util.Optional;

/**
 * Locks shared by every Tandem instance on the database, each held by one holder until it is closed,
 * and freed by themselves when the holder's instance dies, so a killed server leaves no stale claim.
 */
public interface ClusterLocks {

    /** A lock being held; closing it frees it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the lock, waiting up to {@code wait}; empty when another holder kept it. */
    Optional<Held> acquire(String name, Duration wait);

    /** Whether any holder, of any instance, holds it. */
    boolean isHeld(String name);
}
