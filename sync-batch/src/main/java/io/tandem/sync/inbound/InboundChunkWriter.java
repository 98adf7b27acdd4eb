package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceRecord;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.PersistenceException;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the import's pages two at a time: while one page's rows are written and committed, the next
 * page is looked up and run through the rules on another thread, so Tandem and MariaDB work at once
 * instead of taking turns (one page at a time, each waited for the other about half the time).
 * <p>
 * Each page commits its records and its log entry in a transaction of its own. The object's watermark
 * moves only past pages whose predecessors have all committed, in this step's chunk transaction: a
 * page that committed while the one before it failed is read again on the next run and re-applied,
 * which changes nothing (its records are already linked and their field clocks already that new) and
 * logs them once more as unchanged. Nothing is ever skipped.
 * <p>
 * Two pages applied at once can meet on one record (the same email in both; a duplicate key, a lock
 * wait, a deadlock or a version conflict): the page that loses rolls back and is applied again once
 * the other has committed, when its lookups see what the other wrote.
 */
@Named
@Dependent
public class InboundChunkWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(InboundChunkWriter.class.getName());
    private static final int ATTEMPTS = 10;

    @Inject
    @BatchProperty
    String object;
    @Inject
    StepContext step;
    @Inject
    InboundBatches batches;
    @Resource
    ManagedExecutorService executor;

    /** The page being applied on the other thread, if any. */
    private Page inFlight;
    private Instant since = Instant.now();

    private record Page(Future<?> applied, Watermark end, int records, int calls) {
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        List<SalesforceRecord> records = new ArrayList<>(items.size());
        for (Object item : items) {
            records.add((SalesforceRecord) item);
        }
        SalesforceRecord last = records.get(records.size() - 1);
        int calls = step.getTransientUserData() instanceof SalesforceRecordReader.Calls c ? c.take() : 0;
        Instant startedAt = since;
        Page previous = inFlight;
        inFlight = new Page(executor.submit(() -> applyWithRetries(records, startedAt, calls)),
                new Watermark(last.systemModstamp(), last.id()), records.size(), calls);
        since = Instant.now();
        if (previous != null) {
            committed(previous);
        }
    }

    @Override
    public void close() throws Exception {
        Page last = inFlight;
        inFlight = null;
        if (last != null) {
            committed(last);
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return null;
    }

    /** Waits for the page's own commit, then moves the watermark past it in this chunk's transaction. */
    private void committed(Page page) throws Exception {
        try {
            page.applied().get();
        } catch (ExecutionException e) {
            inFlight = waitQuietly(inFlight);
            throw new IllegalStateException("a page of " + object + " could not be applied: " + message(e.getCause()), e.getCause());
        }
        batches.imported(object, page.end(), page.records(), page.calls());
    }

    /** After a failure the other page still finishes (or fails) before the step ends; its watermark stays. */
    private static Page waitQuietly(Page page) {
        if (page != null) {
            try {
                page.applied().get();
            } catch (Exception ignored) {
                // the first failure is the one reported
            }
        }
        return null;
    }

    private Void applyWithRetries(List<SalesforceRecord> records, Instant startedAt, int calls) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                batches.applyImported(object, records, startedAt, calls);
                return null;
            } catch (EJBException | PersistenceException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.FINE, () -> "page of " + object + " applied again after: " + message(e));
                Thread.sleep(50L * attempt);
            }
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
