package io.tandem.application;

import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import io.tandem.sync.imports.ImportUploads;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The sync logs (§8): one entry per inbound or outbound batch, newest first, filtered by direction,
 * object, status and time; and every record of an entry, filtered by outcome.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class SyncLogs {

    private static final Set<String> DIRECTIONS = Set.of("INBOUND", "OUTBOUND");

    /** Which entries; any part may be null. {@code contact}: a contact's id, the entries that logged it one by one. */
    public record Filter(String direction, String object, String status, String from, String to, String contact) {

        public Filter(String direction, String object, String status, String from, String to) {
            this(direction, object, status, from, to, null);
        }
    }

    /** One of a contact's records with the batch it was in: what went out or came in for it, and why. */
    public record HistoryLine(long id, long logId, String direction, String object, String trigger, Instant startedAt, String salesforceId,
                              String outcome, String reason, Map<String, Object> detail) {

        static HistoryLine of(SyncLog.HistoryLine h) {
            RecordOutcome o = h.record().outcome();
            return new HistoryLine(h.record().id(), h.logId(), h.direction(), h.object(), h.trigger(), h.startedAt(), o.salesforceId(), o.outcome().name(),
                    o.reason(), o.detail());
        }
    }

    public record Entry(long id, String direction, String object, String trigger, Instant startedAt, long durationMs,
                        String status, int created, int updated, int unchanged, int skipped, int failed, int conflicts,
                        int apiCalls, String message) {

        static Entry of(SyncLog.Logged l) {
            SyncLog.Batch b = l.batch();
            SyncLog.Counts c = l.counts();
            return new Entry(l.id(), b.direction(), b.object(), b.trigger(), b.startedAt(), l.durationMs(), b.status(), c.created(),
                    c.updated(), c.unchanged(), c.skipped(), c.failed(), c.conflicts(), b.apiCalls(), b.message());
        }
    }

    public record RecordLine(long id, String salesforceId, Long contactId, Long companyId, String outcome, String reason,
                             Map<String, Object> detail) {

        static RecordLine of(SyncLog.LoggedRecord r) {
            RecordOutcome o = r.outcome();
            return new RecordLine(r.id(), o.salesforceId(), o.contactId(), o.companyId(), o.outcome().name(), o.reason(), o.detail());
        }
    }

    @Inject
    SyncLog log;
    @Inject
    ImportUploads uploads;
    @Inject
    ContactRepository contacts;

    public Page<Entry> entries(Filter filter, String cursor, Integer limit) {
        int n = Cursors.limit(limit);
        String direction = filter.direction() == null ? null : filter.direction().toUpperCase(Locale.ROOT);
        if (direction != null && !DIRECTIONS.contains(direction)) {
            throw new InvalidRequestException("direction", "must be inbound or outbound");
        }
        SyncLog.Filter f = new SyncLog.Filter(direction, filter.object(),
                filter.status() == null ? null : filter.status().toUpperCase(Locale.ROOT),
                Instants.parse("from", filter.from()), Instants.parse("to", filter.to()), contactId(filter.contact()));
        SyncLog.Slice<SyncLog.Logged> slice = log.entries(f, Cursors.read(cursor), n + 1);
        return page(slice.items().stream().map(Entry::of).toList(), n, slice.total(), Entry::id);
    }

    public Entry entry(long id) {
        Page<Entry> all = entries(new Filter(null, null, null, null, null), Cursors.after(id + 1), 1);
        if (all.items().isEmpty() || all.items().get(0).id() != id) {
            throw new UnknownRecordException("sync log entry", id);
        }
        return all.items().get(0);
    }

    /**
     * A contact's sync history, newest first: each record logged for it one by one, with its batch. Import
     * pages of 500 records or more log their records packed, and are found under the entries instead.
     */
    public Page<HistoryLine> history(long contactId, String cursor, Integer limit) {
        contacts.find(contactId).orElseThrow(() -> new UnknownRecordException("contact", contactId));
        int n = Cursors.limit(limit);
        SyncLog.Slice<SyncLog.HistoryLine> slice = log.history(contactId, Cursors.read(cursor), n + 1);
        return page(slice.items().stream().map(HistoryLine::of).toList(), n, slice.total(), HistoryLine::id);
    }

    private static Long contactId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("contact", "must be a contact's id (a number)");
        }
    }

    /** The records of one entry in the order handled, optionally only those with one outcome. */
    public Page<RecordLine> records(long logId, String outcome, String cursor, Integer limit) {
        entry(logId);
        int n = Cursors.limit(limit);
        SyncLog.Slice<SyncLog.LoggedRecord> slice = log.records(logId, outcome(outcome), Cursors.read(cursor), n + 1);
        return page(slice.items().stream().map(RecordLine::of).toList(), n, slice.total(), RecordLine::id);
    }

    /**
     * Forgets the history before a time (§ retention in the README); failed and waiting entries stay.
     * The uploads kept for restarting failed or stopped imports that ended before it go too.
     */
    @RolesAllowed(Roles.ADMIN)
    public PurgedHistory purge(String before) {
        if (before == null || before.isBlank()) {
            throw new InvalidRequestException("before", "say up to when the history goes, as an ISO-8601 instant");
        }
        Instant at = Instants.parse("before", before);
        SyncLog.Purged purged = log.purgeBefore(at);
        return PurgedHistory.of(purged, uploads.discardEndedBefore(at));
    }

    private static RecordOutcome.Outcome outcome(String text) {
        if (text == null) {
            return null;
        }
        try {
            return RecordOutcome.Outcome.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("outcome", "must be one of " + Arrays.toString(RecordOutcome.Outcome.values()));
        }
    }

    /** One page of a list read one item past the page, which says whether a next page exists. */
    private static <T> Page<T> page(List<T> items, int n, long total, ToLongFunction<T> id) {
        boolean more = items.size() > n;
        List<T> shown = more ? items.subList(0, n) : items;
        return new Page<>(List.copyOf(shown), total, more ? Cursors.after(id.applyAsLong(shown.get(n - 1))) : null);
    }
}
