package io.tandem.domain.model.sync;

import java.time.Instant;

/** Tandem's own API calls, counted per minute where every instance adds to the same count. */
public interface ApiCallLedger {

    void record(int calls);

    long usedSince(Instant from);
}
