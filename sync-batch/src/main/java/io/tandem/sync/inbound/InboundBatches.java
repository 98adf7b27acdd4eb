package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * One inbound batch in one transaction: the records applied, the object's watermark moved past them,
 * the batch logged, and for the initial import its progress counted. A crash before the commit leaves
 * all four as they were, so the batch is read again; after it, none of it is.
 */
@Stateless
public class InboundBatches {

    /** What the batch did, for the caller's own tallies. */
    public record Result(long logId, SyncLog.Counts counts) {
    }

    @Inject
    InboundApplier applier;
    @Inject
    InboundState state;
    @Inject
    SyncLog log;
    @Inject
    ApiLimits limits;

    /** A page of the poll: applied, its watermark moved past it and logged, together. */
    public Result apply(String object, List<SalesforceRecord> records, Watermark next, String trigger, Instant startedAt,
                        int apiCalls) {
        List<RecordOutcome> outcomes = applier.apply(object, records);
        state.advance(object, next);
        SyncLog.Counts counts = SyncLog.Counts.of(outcomes);
        long id = log.write(new SyncLog.Batch("INBOUND", object, trigger, startedAt, "COMPLETED", apiCalls, null), outcomes, counts);
        return new Result(id, counts);
    }

    /**
     * A page of the import, in one transaction: its records that share no key with the pages before it
     * still in flight looked up, run through the rules and their new rows inserted at once; then, once the
     * page before has committed, the others applied, the rest written, logged, and its watermark, progress
     * and API calls recorded. Pages are worked on four at a time, yet commit in order, each with its own
     * watermark: a crash leaves the watermark exactly past the last committed page. While a page waits it
     * holds locks only on its own new rows, which no page before it touches, so they never wait for each
     * other in a circle. The page reads at READ COMMITTED, so that its records sharing keys with the page
     * before, looked up after that page's commit, see what it wrote; should MariaDB refuse the level, such
     * a page starts reading only after that commit.
     */
    public Result applyImported(String object, List<SalesforceRecord> records, Instant startedAt, int apiCalls, Watermark end,
                                PageTurn turn) {
        if (!state.readOthersCommits() && !turn.sharedKeys().isEmpty()) {
            turn.awaitPredecessor();
        }
        List<RecordOutcome> outcomes = applier.apply(object, records, turn);
        SyncLog.Counts counts = SyncLog.Counts.of(outcomes);
        long id = log.write(new SyncLog.Batch("INBOUND", object, "import", startedAt, "COMPLETED", apiCalls, null), outcomes, counts);
        state.advance(object, end);
        state.importProgress(records.size());
        limits.record(apiCalls);
        return new Result(id, counts);
    }

    /** A batch that could not be read or applied, logged so the administrator sees why. */
    public void failed(String object, String trigger, Instant startedAt, int apiCalls, String message) {
        log.write(new SyncLog.Batch("INBOUND", object, trigger, startedAt, "FAILED", apiCalls, message), List.of());
    }
}

