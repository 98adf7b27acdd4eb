package io.tandem.sync.outbound;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The last drain of this instance: when, how many records it sent, and why it paused or stopped if it did. */
@ApplicationScoped
public class DrainStatus {

    /** A drain as the overview shows it. */
    public record Last(Instant at, int sent, String pausedReason, String error) {
    }

    private volatile Last last;

    void drained(int sent) {
        last = new Last(Instant.now(), sent, null, null);
    }

    void paused(String reason) {
        last = new Last(Instant.now(), 0, reason, null);
    }

    void failed(String error) {
        last = new Last(Instant.now(), 0, null, error);
    }

    public Last last() {
        return last;
    }
}
