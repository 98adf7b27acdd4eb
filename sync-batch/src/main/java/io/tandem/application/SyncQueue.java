package io.tandem.application;

import io.tandem.domain.model.sync.Outbox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** The outbound queue as the overview shows it: how many changes are queued (waiting or being sent), since when, the first of them. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class SyncQueue {

    public record Entry(long id, String recordType, long recordId, String operation, List<String> fields, String source,
                        Instant createdAt, String status) {
    }

    public record Summary(long pending, Instant oldestQueuedAt, List<Entry> items) {
    }

    @Inject
    Outbox outbox;

    public Summary summary(int limit) {
        List<Entry> items = outbox.queued(Math.max(0, Math.min(limit, 500))).stream().map(SyncQueue::entry).toList();
        Outbox.Backlog backlog = outbox.backlog();
        return new Summary(backlog.queued(), backlog.oldest(), items);
    }

    private static Entry entry(Outbox.Queued q) {
        var e = q.entry();
        return new Entry(q.id(), e.kind().name(), e.recordId(), e.operation().name(), List.copyOf(e.fields()), e.source().code(),
                e.createdAt(), q.status().name());
    }
}
