package io.tandem.application;

import io.tandem.domain.model.sync.Outbox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** The outbound queue: the changes queued (waiting or being sent), oldest first, a page at a time, and since when. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class SyncQueue {

    public record Entry(long id, String recordType, long recordId, String operation, List<String> fields, String source,
                        Instant createdAt, String status) {
    }

    /** A page of the queue in the list shape, with when the oldest queued change was made. */
    public record Summary(List<Entry> items, long total, String next, Instant oldestQueuedAt) {
    }

    @Inject
    Outbox outbox;

    public Summary summary(String cursor, Integer limit) {
        int n = Cursors.limit(limit);
        List<Outbox.Queued> page = outbox.queued(Cursors.read(cursor), n + 1);
        List<Entry> items = page.stream().limit(n).map(SyncQueue::entry).toList();
        Outbox.Backlog backlog = outbox.backlog();
        return new Summary(items, backlog.queued(), page.size() > n ? Cursors.after(items.get(n - 1).id()) : null, backlog.oldest());
    }

    private static Entry entry(Outbox.Queued q) {
        var e = q.entry();
        return new Entry(q.id(), e.kind().name(), e.recordId(), e.operation().name(), List.copyOf(e.fields()), e.source().code(),
                e.createdAt(), q.status().name());
    }
}
