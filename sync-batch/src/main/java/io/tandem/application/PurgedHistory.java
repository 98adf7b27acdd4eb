package io.tandem.application;

import io.tandem.domain.model.sync.SyncLog;

/**
 * What a purge of the sync history removed: log entries, their record lines, ended outbox entries, and
 * the uploads kept for imports that can no longer restart.
 */
public record PurgedHistory(long logs, long records, long outboxEntries, long importUploads) {

    static PurgedHistory of(SyncLog.Purged p, int uploads) {
        return new PurgedHistory(p.logEntries(), p.logRecords(), p.outboxEntries(), uploads);
    }
}
