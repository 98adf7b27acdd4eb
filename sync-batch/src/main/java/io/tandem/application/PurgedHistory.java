package io.tandem.application;

/** What a purge of the sync history removed: log entries, their record lines, and ended outbox entries. */
public record PurgedHistory(long logs, long records, long outboxEntries) {
}
