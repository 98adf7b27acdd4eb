package io.tandem.domain.model.sync;

import java.time.Instant;
import java.util.Map;

/**
 * How far each Salesforce object has been read (its watermark) and the initial import's state and
 * progress, on the caller's transaction: a page's records, its watermark and its log commit together,
 * which is what lets a killed import or poll resume exactly where it stopped.
 */
public interface InboundState {

    /** The initial import as the API shows it. */
    record ImportStatus(String status, Long executionId, long total, long done, String message, Instant startedAt,
                        Instant finishedAt, Instant launchedAt) {

        public boolean isRunning() {
            return "RUNNING".equals(status);
        }

        public boolean isDone() {
            return "COMPLETED".equals(status);
        }

        public boolean isNone() {
            return "NONE".equals(status);
        }
    }

    /**
     * The Salesforce org the links and watermarks were made with, and the org Tandem last logged in to
     * (§4); null where not known yet.
     */
    record Org(String linked, String connected, Instant noticedAt) {

        /** Logged in to another org than the links were made with: nothing syncs until an admin decides. */
        public boolean changed() {
            return linked != null && connected != null && !linked.equals(connected);
        }
    }

    Org org();

    /** Tandem logged in to this org: it becomes the links' org when none is known yet (the first connection). */
    void orgConnected(String orgId);

    /** The links and watermarks belong to this org from now on (an admin's decision after a change). */
    void orgAdopted(String orgId);

    /**
     * Before a page's transaction has read anything: lets each of its reads see what other transactions
     * committed up to it (READ COMMITTED), so that records it applies after the page before has committed
     * find what that page wrote. Answers false when the database would not; the page then starts reading
     * only after that commit.
     */
    boolean readOthersCommits();

    /** Every synced object's watermark, in the order objects are read; {@link Watermark#BEGINNING} for those never read. */
    Map<String, Watermark> watermarks();

    default Watermark watermark(String object) {
        return watermarks().get(object);
    }

    void advance(String object, Watermark to);

    /** Sets every object back to the beginning: a new initial import reads everything. */
    void resetAll();

    ImportStatus importStatus();

    /**
     * An import is being launched, fresh (progress and start time anew) or going on from its watermarks.
     * Written before the job exists, so every instance sees it alive until its job takes the import's lock.
     */
    void importLaunched(boolean fresh);

    /** A killed server's execution, still STARTED in the job repository, is marked abandoned. */
    void executionCutOff(long executionId);

    void importExecution(long executionId);

    /** The job holds the import's lock now: the lock, not the launch time, says it is alive. */
    void importRunning(long executionId);

    void importTotal(long total);

    void importProgress(long records);

    void importEnded(String status, String message);

    /**
     * Ends a completed import. Records counted at the start but changed or deleted while it ran are left
     * to the poll, so the total becomes what was read and the message says how many the poll takes.
     */
    void importCompleted();
}
