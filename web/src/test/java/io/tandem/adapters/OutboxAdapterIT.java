package io.tandem.adapters;

import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.OutboxStatus;
import io.tandem.domain.model.sync.RecordType;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox adapter inside Payara Micro on MariaDB: claims under a lease with {@code SKIP LOCKED}, two
 * claimers at once, leases that run out or are renewed, every way an entry ends, and replays.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxAdapterIT {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    @Deployment
    static WebArchive deployment() {
        return Deployments.adapters("outbox", OutboxAdapterIT.class);
    }

    @Inject
    Outbox outbox;
    @Resource
    UserTransaction tx;
    @Resource
    ManagedExecutorService executor;

    /** Anything queued and claimable is ended first, and every test ends what it queued, so each sees only its own entries. */
    @BeforeEach
    void emptyQueue() throws Exception {
        inTx(() -> {
            List<Outbox.Claimed> left = outbox.claim("cleanup", 100_000, MINUTE);
            outbox.sent(left.stream().map(Outbox.Claimed::id).toList(), 0);
            return null;
        });
    }

    @Test
    void twoClaimersAtOnceTakeDisjointEntriesInOrderWithoutWaitingForEachOther() throws Exception {
        long before = outbox.backlog().queued();
        enqueue(200, "firstName");
        CountDownLatch aHolds = new CountDownLatch(1);
        CountDownLatch aMayCommit = new CountDownLatch(1);
        Future<List<Outbox.Claimed>> a = executor.submit(() -> inTx(() -> {
            List<Outbox.Claimed> got = outbox.claim("instance-a", 120, MINUTE);
            aHolds.countDown();
            assertTrue(aMayCommit.await(30, TimeUnit.SECONDS));
            return got;
        }));
        assertTrue(aHolds.await(30, TimeUnit.SECONDS));
        long started = System.nanoTime();
        List<Outbox.Claimed> b = executor.submit(() -> inTx(() -> outbox.claim("instance-b", 120, MINUTE))).get(20, TimeUnit.SECONDS);
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        aMayCommit.countDown();
        List<Outbox.Claimed> aGot = a.get(20, TimeUnit.SECONDS);

        assertEquals(120, aGot.size());
        assertEquals(80, b.size(), "the second claimer skips the rows the first holds and takes the rest");
        assertTrue(waitedMs < 5_000, "the second claimer must not wait for the first's locks; waited " + waitedMs + " ms");
        Set<Long> all = new HashSet<>(ids(aGot));
        all.addAll(ids(b));
        assertEquals(200, all.size(), "no entry claimed twice");
        assertTrue(aGot.get(aGot.size() - 1).id() < b.get(0).id(), "each claims in the order the changes were made");
        assertEquals(before + 200, outbox.backlog().queued(), "claimed entries still count as queued");
        end(all);
    }

    @Test
    void aDeadInstancesEntriesComeBackWhenItsLeaseRunsOutAndARenewedLeaseHolds() throws Exception {
        List<Long> dead = ids(inTx(() -> {
            enqueue(3, "title");
            return outbox.claim("dead-instance", 10, Duration.ofSeconds(1));
        }));
        List<Long> renewed = ids(inTx(() -> {
            enqueue(2, "city");
            return outbox.claim("live-instance", 10, Duration.ofSeconds(1));
        }));
        assertEquals(3, dead.size());
        assertEquals(2, renewed.size());
        inTx(() -> {
            outbox.renew("live-instance", renewed, MINUTE);
            return null;
        });
        // claimed again as soon as the dead instance's lease has run out, and by then the live one's first
        // lease (as short) had run out too: only its renewal keeps its entries
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Long> taken = List.of();
        while (taken.isEmpty() && System.nanoTime() < deadline) {
            taken = ids(inTx(() -> outbox.claim("taker", 10, MINUTE)));
        }
        assertEquals(dead, taken, "only the entries whose lease ran out");
        end(dead);
        end(renewed);
    }

    @Test
    void everyEndingAndAReplay() throws Exception {
        enqueue(4, "custom.région", "firstName");
        List<Outbox.Claimed> c = inTx(() -> outbox.claim("drain", 10, MINUTE));
        assertEquals(List.of("custom.région", "firstName"), List.copyOf(c.get(0).entry().fields()), "names and their order kept");
        assertEquals(RecordType.CONTACT, c.get(0).kind());
        inTx(() -> {
            outbox.sent(List.of(c.get(0).id()), 11);
            outbox.skipped(List.of(c.get(1).id()), "nothing to send", 11);
            outbox.park(List.of(c.get(2).id()), "STRING_TOO_LONG", "Title: data value too large", 11);
            outbox.retryLater(List.of(c.get(3).id()), 0, "UNABLE_TO_LOCK_ROW", "locked");
            return null;
        });
        List<Long> mine = ids(c);
        List<Outbox.Queued> queued = outbox.queued(0, 10_000).stream().filter(q -> mine.contains(q.id())).toList();
        assertEquals(1, queued.size(), "only the retried one is still queued");
        assertEquals(c.get(3).id(), queued.get(0).id());
        assertEquals(OutboxStatus.PENDING, queued.get(0).status());
        assertEquals(1, queued.get(0).attempts());
        assertTrue(ids(inTx(() -> outbox.claim("drain", 10, MINUTE))).stream().noneMatch(mine::contains),
                "a retried entry waits out its back-off");

        assertEquals(0, outbox.replay(new Outbox.Replay(List.of(c.get(0).id()), null, null, null)), "only failed entries replay");
        assertEquals(1, outbox.replay(new Outbox.Replay(null, 11L, null, null)));
        List<Outbox.Claimed> again = inTx(() -> outbox.claim("drain", 10, MINUTE));
        assertEquals(List.of(c.get(2).id()), ids(again));
        assertEquals(0, again.get(0).attempts(), "a replay starts its attempts anew");
        end(mine);
    }

    @Test
    void aRecordsLaterChangesWaitBehindItsRetriedOneAndOthersPass() throws Exception {
        long record = 555_001;
        long other = 555_002;
        inTx(() -> {
            outbox.enqueue(List.of(OutboxEntry.contact(record, OutboxEntry.Operation.UPSERT, List.of("title"), SystemSource.API, AT)));
            return null;
        });
        List<Outbox.Claimed> first = inTx(() -> outbox.claim("drain", 10, MINUTE));
        assertEquals(1, first.size());
        inTx(() -> {
            outbox.retryLater(ids(first), 0, "UNABLE_TO_LOCK_ROW", "locked");
            outbox.enqueue(List.of(OutboxEntry.contact(record, OutboxEntry.Operation.UPSERT, List.of("city"), SystemSource.API, AT),
                    OutboxEntry.contact(other, OutboxEntry.Operation.UPSERT, List.of("city"), SystemSource.API, AT)));
            return null;
        });
        List<Outbox.Claimed> next = inTx(() -> outbox.claim("drain", 10, MINUTE));
        assertEquals(List.of(other), next.stream().map(Outbox.Claimed::recordId).toList(),
                "the record's later change waits behind its retried one; another record's goes");
        end(ids(first));
        List<Outbox.Claimed> after = inTx(() -> outbox.claim("drain", 10, MINUTE));
        assertEquals(List.of(record), after.stream().map(Outbox.Claimed::recordId).toList(), "once the earlier one has ended");
        assertEquals(List.of("city"), List.copyOf(after.get(0).entry().fields()));
        end(ids(next));
        end(ids(after));
    }

    @Test
    void aVeryLongFieldListIsCutAtAWholeName() throws Exception {
        Set<String> many = new LinkedHashSet<>();
        for (int i = 0; i < 300; i++) {
            many.add("custom.field_number_" + i);
        }
        inTx(() -> {
            outbox.enqueue(List.of(OutboxEntry.contact(777_777, OutboxEntry.Operation.UPSERT, many, SystemSource.IMPORT, AT)));
            return null;
        });
        Outbox.Queued entry = outbox.queued(0, 10_000).stream().filter(q -> q.entry().recordId() == 777_777).findFirst().orElseThrow();
        end(List.of(entry.id()));
        Set<String> stored = entry.entry().fields();
        assertTrue(stored.contains("…"), "the cut is marked");
        stored.stream().filter(f -> !f.equals("…")).forEach(f -> assertTrue(many.contains(f), "not a whole name: " + f));
    }

    /** Each entry of a record of its own, so no record's order holds another back. */
    private static long nextRecord = 1000;

    private void enqueue(int n, String... fields) throws Exception {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(OutboxEntry.contact(nextRecord++, OutboxEntry.Operation.UPSERT, List.of(fields), SystemSource.API, AT));
        }
        inTx(() -> {
            outbox.enqueue(entries);
            return null;
        });
    }

    private void end(java.util.Collection<Long> ids) throws Exception {
        inTx(() -> {
            outbox.sent(ids, 0);
            return null;
        });
    }

    private <T> T inTx(Callable<T> work) throws Exception {
        return InTransaction.run(tx, work);
    }

    private static List<Long> ids(List<Outbox.Claimed> claimed) {
        return claimed.stream().map(Outbox.Claimed::id).toList();
    }
}
