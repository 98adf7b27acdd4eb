package io.tandem.application;

import io.tandem.domain.model.contact.SystemSource;

/**
 * How an upsert treats what exists: {@code updateOnly} creates nothing, {@code keepNonEmpty} fills
 * only empty fields; {@code syncNow} null means the "sync on create" setting decides.
 */
public record UpsertOptions(boolean updateOnly, boolean keepNonEmpty, Boolean syncNow, SystemSource source) {

    public static UpsertOptions api(Boolean syncNow) {
        return api(false, false, syncNow);
    }

    public static UpsertOptions api(boolean updateOnly, boolean keepNonEmpty, Boolean syncNow) {
        return new UpsertOptions(updateOnly, keepNonEmpty, syncNow, SystemSource.API);
    }
}
