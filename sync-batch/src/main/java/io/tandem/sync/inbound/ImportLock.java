package io.tandem.sync.inbound;

import io.tandem.domain.service.ClusterLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/**
 * The running initial import holds a cluster lock for as long as it runs, on whichever instance runs
 * it; so any instance can tell whether an import is alive, and a server killed mid-import leaves no
 * stale claim.
 */
@ApplicationScoped
public class ImportLock {

    private static final String NAME = "tandem.initial-import";

    @Inject
    ClusterLocks locks;

    /** The lock, now held, or empty when another holder has it. */
    public Optional<ClusterLocks.Held> acquire() {
        return locks.acquire(NAME, Duration.ZERO);
    }

    public boolean heldAnywhere() {
        return locks.isHeld(NAME);
    }
}
