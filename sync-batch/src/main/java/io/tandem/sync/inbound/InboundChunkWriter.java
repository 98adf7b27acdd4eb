package io.tandem.sync.inbound;

import io.tandem.domain.model.contact.ExistingKeys;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the import's pages {@value #PAGES_IN_FLIGHT} at a time: while one page's rows are written and
 * committed, the next pages are looked up and run through the rules on other threads, so Tandem and
 * MariaDB work at once instead of taking turns (one page at a time, each waited for the other about half
 * the time). Three at a time once measured slower than two on two cores, when pages meeting on one email
 * rolled back and were applied again; since such records wait for the page before instead (below), more
 * are faster: four keep both cores busy, at some 50 MB more heap than three (BENCHMARKS.md).
 * <p>
 * Each page commits its records, its log entry and its watermark in a transaction of its own, after the
 * page before it has committed, so the watermark always stands exactly past the last committed page and a
 * killed import reads nothing twice and misses nothing. Within that order the pages' inserts overlap:
 * once their rules have run, a page inserts at once the new rows of its records that share no key with
 * the pages before it still in flight (below); everything else (those records, rows that exist already,
 * the watermark, the progress, the log) it writes after the page before has committed.
 * While it waits, it holds locks only on its own new rows, which no page before it touches: they cannot
 * wait for each other in a circle, which is what deadlocked a version that wrote everything before
 * waiting (1,019 records/s).
 * <p>
 * Two pages meet on one record when they share a key (the same email, an id one names): the later one
 * would look the record up before the earlier one wrote it. Since every page's keys are known before it
 * reads, the later page applies such records (and any of its records sharing a key with them) only after
 * the page before has committed, reading at READ COMMITTED what that page wrote. Should a page still meet
 * another's row (a key no record named), it fails on the unique key, rolls back and is applied again; a
 * page whose predecessor takes longer than {@link #PREDECESSOR_WAIT} gives way the same way (that also
 * ends the one circle left: the page before, tried again after a rollback, creating a key it did not
 * create at first). A page commits within a second or two even on a loaded machine, so the wait is 10 s:
 * in one million-record run of 2026-12-01 a Lead page stood blocked behind a later page's new rows (the cause not
 * found; no lock wait of 3 s or more in the runs watched after it) until the pages after it gave way, then
 * after 30 s (BENCHMARKS.md).
 */
@Named
@Dependent
public class InboundChunkWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(InboundChunkWriter.class.getName());
    private static final int ATTEMPTS = 10;
    static final java.time.Duration PREDECESSOR_WAIT = java.time.Duration.ofSeconds(10);
    /** Pages submitted and not yet committed, at most, once a page is handed over (the reader goes on with one fewer). */
    static final int PAGES_IN_FLIGHT = 4;
    private static final int MOST_ACCOUNTS = 500_000;
    private static final long READ_AGAIN_NANOS = 1_000_000_000L;
    /** The objects whose pages find records by their keys ({@link PageKeys}). */
    private static final Set<String> KEYED = Set.of(SalesforceObjects.ACCOUNT, SalesforceObjects.CONTACT, SalesforceObjects.LEAD);

    @Inject
    @BatchProperty
    String object;
    @Inject
    StepContext step;
    @Inject
    InboundBatches batches;
    @Resource
    ManagedExecutorService executor;
    @Inject
    JobContext job;
    @Inject
    SalesforceOrg access;
    @Inject
    ApiLimits limits;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    ExistingKeys existingKeys;
    @Inject
    SalesforceFieldNames fieldNames;

    /** The pages being applied on other threads, oldest first. */
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    /**
     * The turns of those pages: the next page waits on the newest one's commit signal and compares its keys
     * with theirs, never holding their futures: the executor's futures keep their task, so a task holding the
     * previous future would chain every page of the import, and its records, in memory (a million-record
     * import ran out of heap that way).
     */
    private final Deque<InFlightTurn> turns = new ArrayDeque<>();
    private Map<String, Long> accountCompanies = Map.of();
    /** When the step last asked the API limits and read the mappings ({@link #readAgainIfDue}); 0 before the first page. */
    private long lastRead;
    private MappedFields mappings;
    private Instant since = Instant.now();
    /**
     * Pages handed over; pages with records sharing keys with one still in flight, applied after it; attempts
     * applied again after meeting another page's rows: the price of overlap, logged at the end.
     */
    private int pages;
    private long readingNanos;
    private long waitingNanos;
    private long lastLeft;
    private final AtomicInteger waited = new AtomicInteger();
    private final AtomicInteger again = new AtomicInteger();

    /**
     * A Contact step reads the companies of the Accounts once at its start (the Accounts step before imported them)
     * instead of looking up, page after page, the Accounts its Contacts name: nearly all the index reads {@link KeysMet}
     * leaves an initial import. Up to {@value #MOST_ACCOUNTS} Accounts (some 60 MB); beyond, looked up.
     */
    @Override
    public void open(Serializable checkpoint) {
        if (SalesforceObjects.CONTACT.equals(object)) {
            accountCompanies = existingKeys.accountCompanies(MOST_ACCOUNTS);
        }
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        long entered = System.nanoTime();
        readingNanos += lastLeft == 0 ? 0 : entered - lastLeft;
        String paused = readAgainIfDue(entered);
        if (paused != null) {
            // §5: inbound keeps to the limits too; what this page read is read again when the import goes on
            close();
            ImportWaits.stopIfPaused(job, paused);
        }
        List<SalesforceRecord> records = new ArrayList<>(items.size());
        for (Object item : items) {
            records.add((SalesforceRecord) item);
        }
        SalesforceRecord last = records.get(records.size() - 1);
        int calls = step.getTransientUserData() instanceof SalesforceRecordReader.Calls c ? c.take() : 0;
        Instant startedAt = since;
        Set<String> keys = PageKeys.of(records);
        InFlightTurn turn = new InFlightTurn(turns.peekLast() == null ? null : turns.peekLast().committed, keys, unseen(records, keys),
                accountCompanies, mappings, turns.stream().map(t -> t.keys).toList(), waited);
        Watermark end = new Watermark(last.systemModstamp(), last.id());
        inFlight.addLast(executor.submit(() -> applyWithRetries(records, startedAt, calls, end, turn)));
        pages++;
        turns.addLast(turn);
        since = Instant.now();
        while (inFlight.size() >= PAGES_IN_FLIGHT) {
            turns.removeFirst();
            committed(inFlight.removeFirst());
        }
        lastLeft = System.nanoTime();
        waitingNanos += lastLeft - entered;
    }

    /**
     * At most once a second (pages come every 70 ms or so): the field mappings read again, and why the import must pause
     * (§5: inbound keeps to the API limits too), or null. Each page asking read the connection and the settings (2 % of
     * the server's CPU in an import), and the mappings in two queries (1.5 %).
     */
    private String readAgainIfDue(long now) {
        if (lastRead != 0 && now - lastRead < READ_AGAIN_NANOS) {
            return null;
        }
        lastRead = now;
        mappings = fieldNames.mapped();
        return access.gateway().map(g -> limits.pausedReason(g, settings.current())).orElse(null);
    }

    /** The page's keys the import has never met, where it keeps count of them ({@link KeysMet}): its lookups skip them. */
    private Set<String> unseen(List<SalesforceRecord> records, Set<String> keys) {
        KeysMet met = job.getTransientUserData() instanceof SalesforceImportCount.Plan plan ? plan.keysMet() : null;
        if (met == null || !KEYED.contains(object)) {
            return Set.of();
        }
        return PageKeys.unseen(records, keys, met);
    }

    @Override
    public void close() throws Exception {
        turns.clear();
        try {
            while (!inFlight.isEmpty()) {
                committed(inFlight.removeFirst());
            }
        } finally {
            if (waited.get() > 0 || again.get() > 0) {
                LOG.info(object + ": of " + pages + " pages, " + waited.get() + " shared records with the page before (applied after "
                        + "its commit); " + again.get() + " applied again after meeting another page's rows");
            }
            if (pages > 0) {
                LOG.info(object + ": " + pages + " pages; the reader took " + readingNanos / 1_000_000 + " ms between them, and waited "
                        + waitingNanos / 1_000_000 + " ms for pages to commit");
            }
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return null;
    }

    /** Waits for the page's own commit (with its watermark); a page that failed fails the step. */
    private void committed(Future<?> page) throws Exception {
        try {
            page.get();
        } catch (ExecutionException e) {
            // the pages after it still finish (or fail) before the step ends; the watermark stays before the failed one
            while (!inFlight.isEmpty()) {
                waitQuietly(inFlight.removeFirst());
            }
            turns.clear();
            throw new IllegalStateException("a page of " + object + " could not be applied: " + message(e.getCause()), e.getCause());
        }
    }

    private static void waitQuietly(Future<?> page) {
        try {
            page.get();
        } catch (Exception ignored) {
            // the first failure is the one reported
        }
    }

    private Void applyWithRetries(List<SalesforceRecord> records, Instant startedAt, int calls, Watermark end, InFlightTurn turn)
            throws InterruptedException {
        try {
            for (int attempt = 1; ; attempt++) {
                if (turn.before != null && turn.before.isCompletedExceptionally()) {
                    throw new IllegalStateException("the page before this one was not applied; this one waits for the next run");
                }
                try {
                    batches.applyImported(object, records, startedAt, calls, end, turn);
                    turn.committed.complete(null);
                    return null;
                } catch (EJBException | PersistenceException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    LOG.log(Level.FINE, () -> "page of " + object + " applied again after: " + message(e));
                    again.incrementAndGet();
                    turn.retry();
                    Thread.sleep(50L * attempt);
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            turn.committed.completeExceptionally(e);
            throw e;
        }
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
