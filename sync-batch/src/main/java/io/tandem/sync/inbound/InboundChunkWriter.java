package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceOrg;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the import's pages {@value #PAGES_IN_FLIGHT} at a time: while one page's rows are written and
 * committed, the next page is looked up and run through the rules on another thread, so Tandem and
 * MariaDB work at once instead of taking turns (one page at a time, each waited for the other about half
 * the time). Three at a time measured slower on two cores: more pages met on one email, rolled back and
 * were applied again, and every page after such a one waited for it.
 * <p>
 * Each page commits its records, its log entry and its watermark in a transaction of its own, after the
 * page before it has committed, so the watermark always stands exactly past the last committed page and a
 * killed import reads nothing twice and misses nothing. Within that order the pages' inserts overlap:
 * once its rules have run, a page inserts its new rows at once when none of their unique keys (emails,
 * Salesforce ids) is one a page before it, not yet committed, also creates; everything else (rows that
 * exist already, the watermark, the progress, the log) it writes after the page before has committed.
 * While it waits, it holds locks only on its own new rows, which no page before it touches: they cannot
 * wait for each other in a circle, which is what deadlocked a version that wrote everything before
 * waiting (1,019 records/s).
 * <p>
 * Two pages can still meet on one record (the same email in both: the later page looked it up before
 * the earlier one wrote it): the later one then inserts after the earlier one's commit, fails on the
 * unique key, rolls back and is applied again, when its lookups see what the other wrote. A page whose
 * predecessor takes longer than {@link #PREDECESSOR_WAIT} gives way the same way (that also ends the one
 * circle left: the page before, tried again after a rollback, creating a key it did not create at first).
 */
@Named
@Dependent
public class InboundChunkWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(InboundChunkWriter.class.getName());
    private static final int ATTEMPTS = 10;
    static final java.time.Duration PREDECESSOR_WAIT = java.time.Duration.ofSeconds(30);
    /** Pages submitted and not yet committed, at most, once a page is handed over (the reader goes on with one fewer). */
    static final int PAGES_IN_FLIGHT = 2;

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

    /** The pages being applied on other threads, oldest first. */
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    /**
     * The turns of those pages: the next page waits on the newest one's commit signal and compares its keys
     * with theirs, never holding their futures: the executor's futures keep their task, so a task holding the
     * previous future would chain every page of the import, and its records, in memory (a million-record
     * import ran out of heap that way).
     */
    private final Deque<Turn> turns = new ArrayDeque<>();
    private Instant since = Instant.now();
    /** Pages handed over, and attempts applied again after meeting another page's rows: the price of overlap, logged at the end. */
    private int pages;
    private final java.util.concurrent.atomic.AtomicInteger again = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void writeItems(List<Object> items) throws Exception {
        String paused = access.gateway().map(g -> limits.pausedReason(g, settings.current())).orElse(null);
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
        Turn turn = new Turn(turns.peekLast() == null ? null : turns.peekLast().committed,
                turns.stream().map(t -> t.keys).toList());
        Watermark end = new Watermark(last.systemModstamp(), last.id());
        inFlight.addLast(executor.submit(() -> applyWithRetries(records, startedAt, calls, end, turn)));
        pages++;
        turns.addLast(turn);
        since = Instant.now();
        while (inFlight.size() >= PAGES_IN_FLIGHT) {
            turns.removeFirst();
            committed(inFlight.removeFirst());
        }
    }

    @Override
    public void close() throws Exception {
        turns.clear();
        try {
            while (!inFlight.isEmpty()) {
                committed(inFlight.removeFirst());
            }
        } finally {
            if (again.get() > 0) {
                LOG.info(object + ": " + again.get() + " of " + pages + " pages applied again after meeting another page's rows");
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

    private Void applyWithRetries(List<SalesforceRecord> records, Instant startedAt, int calls, Watermark end, Turn turn)
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
                    turn.retrying = true;
                    Thread.sleep(50L * attempt);
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            turn.keys.completeExceptionally(e);
            turn.committed.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * One page's turn after the page before: it publishes its new keys once its rules have run, inserts
     * its new rows at once when they share none with the page before's, and commits after that page.
     */
    private static final class Turn implements PageTurn {
        private final CompletableFuture<Void> before;
        private final List<CompletableFuture<Set<String>>> keysBefore;
        private final CompletableFuture<Void> committed = new CompletableFuture<>();
        private final CompletableFuture<Set<String>> keys = new CompletableFuture<>();
        private volatile boolean retrying;

        /** After the page whose commit is {@code before}, with the new keys of every page still in flight before it. */
        Turn(CompletableFuture<Void> before, List<CompletableFuture<Set<String>>> keysBefore) {
            this.before = before;
            this.keysBefore = keysBefore;
        }

        @Override
        public boolean mayInsertEarly(Set<String> newKeys) {
            // the next pages compare with the keys of this page's first try; a try after a rollback goes the safe way
            keys.complete(newKeys);
            if (before == null) {
                return true;
            }
            if (retrying) {
                return false;
            }
            if (before.isDone() && !before.isCompletedExceptionally()) {
                return true; // every page before has committed: nothing of theirs is locked any more
            }
            try {
                for (CompletableFuture<Set<String>> page : keysBefore) {
                    Set<String> theirs = page.get(PREDECESSOR_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    if (newKeys.stream().anyMatch(theirs::contains)) {
                        return false;
                    }
                }
                return true;
            } catch (TimeoutException | ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void awaitPredecessor() {
            awaitCommit(before);
        }
    }

    /** Inside the page's transaction: the page before has committed, or this one gives way. */
    private static void awaitCommit(CompletableFuture<Void> before) {
        if (before == null) {
            return;
        }
        try {
            before.get(PREDECESSOR_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new PersistenceException("the page before has not committed within " + PREDECESSOR_WAIT.toSeconds()
                    + " s; this page rolls back and is applied again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the page before this one was not applied", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the page before", e);
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
