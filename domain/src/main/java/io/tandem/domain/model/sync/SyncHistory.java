package io.tandem.domain.model.sync;

import java.time.Instant;
import java.util.List;

/** The overview's history: the queue's depth a minute at a time, and the API calls Tandem made, by hour. */
public interface SyncHistory {

    /** One hour's figure: the deepest queue sampled in it, or the calls made in it. */
    record Point(Instant hour, long value) {
    }

    /** The queue's depth this minute (each instance may record it; the last one stands). */
    void sampleQueue(Instant minute, long queued);

    /** Per hour since {@code from}, oldest first: the deepest queue sampled; hours without samples are left out. */
    List<Point> queuedPerHour(Instant from);

    /** Per hour since {@code from}, oldest first: Tandem's API calls; hours without calls are left out. */
    List<Point> callsPerHour(Instant from);

    /** Forgets samples older than {@code before}. */
    void forgetBefore(Instant before);
}
