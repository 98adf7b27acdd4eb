package io.tandem.adapters;

import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sync log adapter inside Payara Micro on MariaDB: entries with their counts, records, filters, paging, purges. */
@ExtendWith(ArquillianExtension.class)
class SyncLogAdapterIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.adapters("sync-log", SyncLogAdapterIT.class);
    }

    @Inject
    SyncLog log;
    @Resource
    UserTransaction tx;
    @Resource(lookup = "jdbc/tandem")
    javax.sql.DataSource dataSource;

    @Test
    void aBatchComesBackWithItsCountsAndEveryRecordAsWritten() throws Exception {
        Instant started = Instant.now().minusSeconds(2);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sent", Map.of("lastName", "O'Brien \"🚀\" Zoë"));
        detail.put("conflicts", Map.of("title", "both changed; Tandem's change is later"));
        List<RecordOutcome> outcomes = List.of(
                new RecordOutcome("00Q000000000001AAA", 5L, null, RecordOutcome.Outcome.CREATED, "created as a Lead", detail),
                new RecordOutcome("003000000000001AAA", 6L, null, RecordOutcome.Outcome.UPDATED, "sent", Map.of()),
                new RecordOutcome("003000000000002AAA", 7L, null, RecordOutcome.Outcome.DELETED, "gone", Map.of()),
                RecordOutcome.skipped(null, 8L, "x".repeat(700)),
                RecordOutcome.failed("001000000000001AAA", null, "STRING_TOO_LONG: Name"));
        long id = inTx(() -> log.write(new SyncLog.Batch("OUTBOUND", "Lead", "drain", started, "COMPLETED", 2, null), outcomes));

        SyncLog.Logged entry = log.entries(new SyncLog.Filter("OUTBOUND", "Lead", null, null, null), id + 1, 1).items().get(0);
        assertEquals(id, entry.id());
        assertEquals(new SyncLog.Counts(1, 2, 0, 1, 1, 1), entry.counts(), "a deletion counts as an update; one record had conflicts");
        assertEquals(2, entry.batch().apiCalls());
        assertTrue(entry.durationMs() >= 2000, "duration from the batch's start: " + entry.durationMs());

        SyncLog.Slice<SyncLog.LoggedRecord> records = log.records(id, null, 0, 100);
        assertEquals(5, records.total());
        RecordOutcome first = records.items().get(0).outcome();
        assertEquals(detail, first.detail(), "the detail survives as written, unicode and quotes included");
        assertEquals(500, records.items().get(3).outcome().reason().length(), "a long reason is clipped, not refused");
        assertTrue(records.items().get(3).outcome().reason().endsWith("…"));

        SyncLog.Slice<SyncLog.LoggedRecord> failed = log.records(id, RecordOutcome.Outcome.FAILED, 0, 100);
        assertEquals(1, failed.total());
        assertEquals("STRING_TOO_LONG: Name", failed.items().get(0).outcome().reason());
        assertEquals(List.of(records.items().get(2).id()),
                log.records(id, null, records.items().get(1).id(), 1).items().stream().map(SyncLog.LoggedRecord::id).toList(),
                "pages continue after the last id seen");
    }

    @Test
    void aContactsHistoryListsItsRecordsAcrossBatchesNewestFirstAndFiltersTheEntries() throws Exception {
        long contact = 9_000_000_000L + System.nanoTime() % 1_000_000;
        Instant t = Instant.now();
        long first = inTx(() -> log.write(new SyncLog.Batch("OUTBOUND", "Lead", "drain", t, "COMPLETED", 1, null), List.of(
                new RecordOutcome("00Q000000000009AAA", contact, null, RecordOutcome.Outcome.CREATED, "created as a Lead", Map.of()),
                new RecordOutcome("00Q000000000010AAA", contact + 1, null, RecordOutcome.Outcome.CREATED, "another's", Map.of()))));
        long second = inTx(() -> log.write(new SyncLog.Batch("INBOUND", "Lead", "poll", t.plusSeconds(60), "COMPLETED", 1, null), List.of(
                new RecordOutcome("00Q000000000009AAA", contact, null, RecordOutcome.Outcome.UPDATED, "title changed in Salesforce",
                        Map.of("received", Map.of("title", "CTO"))))));

        SyncLog.Slice<SyncLog.HistoryLine> history = log.history(contact, 0, 10);
        assertEquals(2, history.total());
        assertEquals(List.of(second, first), history.items().stream().map(SyncLog.HistoryLine::logId).toList(), "newest first");
        SyncLog.HistoryLine newest = history.items().get(0);
        assertEquals("INBOUND", newest.direction());
        assertEquals("poll", newest.trigger());
        assertEquals(Map.of("received", Map.of("title", "CTO")), newest.record().outcome().detail());
        assertEquals(List.of(first), log.history(contact, newest.record().id(), 10).items().stream().map(SyncLog.HistoryLine::logId).toList(),
                "the next page goes on below the last id seen");

        SyncLog.Slice<SyncLog.Logged> entries = log.entries(new SyncLog.Filter(null, null, null, null, null, contact), 0, 10);
        assertEquals(2, entries.total());
        assertEquals(List.of(second, first), entries.items().stream().map(SyncLog.Logged::id).toList());
        assertEquals(0, log.history(contact + 7, 0, 10).total());
    }

    @Test
    void aLargeBatchIsPackedInOneRowAndReadsBackRecordByRecord() throws Exception {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("received", Map.of("lastName", "O'Brien \"🚀\" Zoë\ttab", "city", "Köln\\north"));
        List<RecordOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            outcomes.add(i % 7 == 3 ? RecordOutcome.skipped(String.format("00Q%015d", i), null, "no email, said \"why\"")
                    : new RecordOutcome(String.format("00Q%015d", i), 10_000L + i, i % 2 == 0 ? 20_000L + i : null,
                    RecordOutcome.Outcome.CREATED, "new contact from this Lead", i == 5 ? detail : Map.of()));
        }
        long id = inTx(() -> log.write(new SyncLog.Batch("INBOUND", "Lead", "import", Instant.now(), "COMPLETED", 1, null), outcomes));
        assertEquals(1, count("SELECT COUNT(*) FROM sync_log_packed WHERE log_id = ?", id), "one row for the batch");
        assertEquals(0, count("SELECT COUNT(*) FROM sync_log_records WHERE log_id = ?", id));

        List<RecordOutcome> back = new ArrayList<>();
        long after = 0;
        SyncLog.Slice<SyncLog.LoggedRecord> page;
        do {
            page = log.records(id, null, after, 256);
            assertEquals(700, page.total());
            page.items().forEach(r -> back.add(r.outcome()));
            after = page.items().isEmpty() ? after : page.items().get(page.items().size() - 1).id();
        } while (page.items().size() == 256);
        assertEquals(outcomes, back, "every record in order, as written, paged by its number in the batch");
        assertEquals(100, log.records(id, RecordOutcome.Outcome.SKIPPED, 0, 1000).total());
        assertEquals(700, count("SELECT COUNT(*) FROM sync_log_lines WHERE log_id = ?", id), "the view unpacks it too");
        assertEquals(1, count("SELECT COUNT(*) FROM sync_log_lines WHERE log_id = ? AND contact_id = 10005 "
                + "AND detail LIKE '%Zo%'", id));
    }

    @Test
    void entriesAreFilteredAndPagedNewestFirst() throws Exception {
        Instant t0 = Instant.parse("2026-01-10T00:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Instant at = t0.plus(Duration.ofHours(i));
            ids.add(inTx(() -> log.write(new SyncLog.Batch("INBOUND", "Account", "poll", at, i(at) % 2 == 0 ? "COMPLETED" : "FAILED", 1,
                    "page " + at), List.of())));
        }
        SyncLog.Filter window = new SyncLog.Filter("INBOUND", "Account", null, t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(4)));
        SyncLog.Slice<SyncLog.Logged> firstPage = log.entries(window, 0, 2);
        assertEquals(3, firstPage.total(), "from is inclusive, to exclusive");
        assertEquals(List.of(ids.get(3), ids.get(2)), firstPage.items().stream().map(SyncLog.Logged::id).toList());
        SyncLog.Slice<SyncLog.Logged> next = log.entries(window, ids.get(2), 2);
        assertEquals(List.of(ids.get(1)), next.items().stream().map(SyncLog.Logged::id).toList());
        assertEquals(3, next.total(), "the total is the filter's, whatever the page");
        assertEquals(2, log.entries(new SyncLog.Filter("INBOUND", "Account", "FAILED", t0, t0.plus(Duration.ofDays(1))), 0, 10).total());
    }

    @Test
    void aPurgeForgetsOldEntriesWithTheirRecordsAndKeepsNewerOnes() throws Exception {
        Instant old = Instant.parse("2025-01-01T00:00:00Z");
        List<RecordOutcome> many = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(RecordOutcome.skipped(null, (long) i, "old"));
        }
        long oldId = inTx(() -> log.write(new SyncLog.Batch("INBOUND", "Lead", "import", old, "COMPLETED", 0, null), many));
        long newId = inTx(() -> log.write(new SyncLog.Batch("INBOUND", "Lead", "import", Instant.now(), "COMPLETED", 0, null),
                List.of(RecordOutcome.skipped(null, 1L, "new"))));
        SyncLog.Purged purged = log.purgeBefore(old.plus(Duration.ofDays(1)));
        assertTrue(purged.logEntries() >= 1, String.valueOf(purged));
        assertTrue(purged.logRecords() >= 1200, String.valueOf(purged));
        assertEquals(0, log.records(oldId, null, 0, 10).total());
        assertEquals(1, log.records(newId, null, 0, 10).total());
    }

    private static int i(Instant at) {
        return (int) Duration.between(Instant.parse("2026-01-10T00:00:00Z"), at).toHours();
    }

    private long count(String sql, Object... args) throws Exception {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private <T> T inTx(Callable<T> work) throws Exception {
        return InTransaction.run(tx, work);
    }
}
