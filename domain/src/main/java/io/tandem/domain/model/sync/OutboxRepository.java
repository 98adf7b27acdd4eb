package io.tandem.domain.model.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox: appended to with every local change, read in order by the drain. */
public interface OutboxRepository {

    void add(OutboxEntry entry);

    long pendingCount();

    Optional<Instant> oldestPending();

    /** The oldest pending entries, at most {@code limit}, in the order the changes were made. */
    List<OutboxEntry> pending(int limit);
}
