package io.tandem.application;

import io.tandem.domain.model.sync.SyncLog;

/** What a purge of the sync history removed: log entries, their record lines, and ended outbox entries. */
public record PurgedHistory(long logs, long records, long outboxEntries) {

    static PurgedHistory of(SyncLog.Purged p) {
        return new PurgedHistory(p.logEntries(), p.logRecords(), p.outboxEntries());
    }
}
