package io.tandem.domain.model.sync;

/** The one settings row. */
public interface SyncSettingsRepository {

    SyncSettings current();
}
