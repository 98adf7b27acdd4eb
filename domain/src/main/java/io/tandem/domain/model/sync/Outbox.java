package io.tandem.domain.model.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The outbox, the one way in and out of the queue of local changes (§5). Changes are enqueued in the
 * transaction of the change; a drain claims entries in the order they were made under a lease (so a
 * dead instance's claims return to the queue), then ends each one sent, skipped, parked as failed, or
 * back in the queue for a later try. Failed entries come back through a replay.
 */
public interface Outbox {

    /**
     * An entry a drain holds; {@code reclaimed} when a drain that held it before died or lost its lease (it
     * may have reached Salesforce without its outcome being stored).
     */
    record Claimed(long id, OutboxEntry entry, int attempts, boolean reclaimed) {

        /** Whether an earlier try may have written it to Salesforce: taken back from a lost drain, or tried and failed before. */
        public boolean maybeSent() {
            return reclaimed || attempts > 0;
        }

        public RecordType kind() {
            return entry.kind();
        }

        public long recordId() {
            return entry.recordId();
        }
    }

    /** An entry as the queue listing shows it. */
    record Queued(long id, OutboxEntry entry, OutboxStatus status, int attempts) {
    }

    /** How many entries are queued and when the oldest of them was made (null when none is). */
    record Backlog(long queued, Instant oldest) {
    }

    /** Which failed entries a replay sends again: any of ids, one batch's log entry, a window of failure times. */
    record Replay(Collection<Long> ids, Long logId, Instant from, Instant to, Long recordId) {

        public Replay(Collection<Long> ids, Long logId, Instant from, Instant to) {
            this(ids, logId, from, to, null);
        }
    }

    /** Adds entries in the caller's transaction, in the order given. */
    void enqueue(List<OutboxEntry> entries);

    /**
     * Claims up to {@code max} entries in the order the changes were made: those waiting whose time has
     * come, and those whose lease ran out. Entries another instance is claiming are skipped, not waited for.
     */
    List<Claimed> claim(String instance, int max, Duration lease);

    /** Keeps holding entries still being worked on. */
    void renew(String instance, Collection<Long> ids, Duration lease);

    void sent(Collection<Long> ids, long logId);

    void skipped(Collection<Long> ids, String reason, long logId);

    /** Parks entries as failed with the error's code and message, until a replay. */
    void park(Collection<Long> ids, String code, String message, long logId);

    /** Back in the queue as they were, claimable at once: held back by the API limits, not failed. */
    void putBack(Collection<Long> ids);

    /** Back in the queue after a transient failure, tried again after a pause that grows with {@code attempts}. */
    void retryLater(Collection<Long> ids, int attempts, String code, String message);

    /**
     * Back in the queue, claimable from {@code until} on, no attempt counted: what they wait for is not
     * theirs (a Salesforce record they write to is locked by others); the code and message say what.
     */
    void holdUntil(Collection<Long> ids, Instant until, String code, String message);

    /** Failed entries back in the queue; answers how many. */
    int replay(Replay which);

    Backlog backlog();

    /** Whether at least {@code size} entries wait that a claim would take now: a full Salesforce call's worth. */
    boolean hasWaiting(int size);

    /** The queued entries after the given id (0: from the oldest), oldest first, at most {@code limit}. */
    List<Queued> queued(long afterId, int limit);
}
