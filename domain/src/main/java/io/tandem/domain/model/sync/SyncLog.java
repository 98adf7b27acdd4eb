package io.tandem.domain.model.sync;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sync log (§8), the one home of the sync's history: one entry per inbound or outbound batch with
 * every record's outcome, read back newest first, and forgotten after the retention time. Entries are
 * written on the caller's transaction, so a batch and its log commit together.
 */
public interface SyncLog {

    /** A batch as it is written. */
    record Batch(String direction, String object, String trigger, Instant startedAt, String status, int apiCalls,
                 String message) {
    }

    /** The counts of a batch, by outcome; deletions count as updates. */
    record Counts(int created, int updated, int unchanged, int skipped, int failed, int conflicts) {

        public static Counts of(List<RecordOutcome> outcomes) {
            Map<RecordOutcome.Outcome, Integer> n = new EnumMap<>(RecordOutcome.Outcome.class);
            int conflicts = 0;
            for (RecordOutcome o : outcomes) {
                n.merge(o.outcome(), 1, Integer::sum);
                if (o.hasConflicts()) {
                    conflicts++;
                }
            }
            return new Counts(n.getOrDefault(RecordOutcome.Outcome.CREATED, 0),
                    n.getOrDefault(RecordOutcome.Outcome.UPDATED, 0) + n.getOrDefault(RecordOutcome.Outcome.DELETED, 0),
                    n.getOrDefault(RecordOutcome.Outcome.UNCHANGED, 0), n.getOrDefault(RecordOutcome.Outcome.SKIPPED, 0),
                    n.getOrDefault(RecordOutcome.Outcome.FAILED, 0), conflicts);
        }
    }

    /** A logged batch as it is read back. */
    record Logged(long id, Batch batch, long durationMs, Counts counts) {
    }

    /** A logged record as it is read back. */
    record LoggedRecord(long id, RecordOutcome outcome) {
    }

    /** Which entries to read; any part may be null. A contact: the entries that logged a record of it one by one. */
    record Filter(String direction, String object, String status, Instant from, Instant to, Long contactId) {

        public Filter(String direction, String object, String status, Instant from, Instant to) {
            this(direction, object, status, from, to, null);
        }
    }

    /** One of a contact's records, with the batch it was in. */
    record HistoryLine(long logId, String direction, String object, String trigger, Instant startedAt, LoggedRecord record) {
    }

    /** Some of a longer list, with the length of the whole. */
    record Slice<T>(List<T> items, long total) {
    }

    /** What a purge forgot. */
    record Purged(long logEntries, long logRecords, long outboxEntries) {
    }

    /** Writes the entry and its records; answers the entry's id. */
    default long write(Batch batch, List<RecordOutcome> outcomes) {
        return write(batch, outcomes, Counts.of(outcomes));
    }

    /** The same, with the records' counts made already (an import page's, which it answers too). */
    long write(Batch batch, List<RecordOutcome> outcomes, Counts counts);

    /** Entries newest first, those with an id below {@code beforeId} (0: from the newest), at most {@code limit}. */
    Slice<Logged> entries(Filter filter, long beforeId, int limit);

    /**
     * A contact's records across entries, newest first, those with an id below {@code beforeId} (0: from the
     * newest): what was sent and received for it and why. Records logged packed (pages of 500 or more, an
     * import's) are found through their entry, not here.
     */
    Slice<HistoryLine> history(long contactId, long beforeId, int limit);

    /** An entry's records in the order handled, after {@code afterId}, optionally with one outcome only. */
    Slice<LoggedRecord> records(long logId, RecordOutcome.Outcome outcome, long afterId, int limit);

    /**
     * Forgets what is only history: entries (with their records) started before the time, outbox entries
     * that ended sent or skipped before it, API counts older than the rolling 24 h needs. Failed and
     * queued outbox entries always stay.
     */
    Purged purgeBefore(Instant before);
}
