package io.tandem.application;

import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.OutboxRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** The outbound queue as the overview shows it: how many changes wait, since when, the first of them. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class SyncQueue {

    public record Entry(long id, String recordType, long recordId, String operation, List<String> fields, String source,
                        Instant createdAt) {
    }

    public record Summary(long pending, Instant oldestQueuedAt, List<Entry> items) {
    }

    @Inject
    OutboxRepository outbox;

    public Summary summary(int limit) {
        List<Entry> items = outbox.pending(Math.max(0, Math.min(limit, 500))).stream()
                .map(SyncQueue::entry).toList();
        return new Summary(outbox.pendingCount(), outbox.oldestPending().orElse(null), items);
    }

    private static Entry entry(OutboxEntry e) {
        return new Entry(e.id(), e.recordType().name(), e.recordId(), e.operation().name(), e.fields(),
                e.source().code(), e.createdAt());
    }
}
