package io.tandem.sync.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicReference;

/** The last poll of this instance and the last one that found changes, for the overview. */
@ApplicationScoped
public class PollHistory {

    private final AtomicReference<InboundPoller.PollResult> last = new AtomicReference<>();

    InboundPoller.PollResult record(InboundPoller.PollResult result) {
        last.set(result);
        return result;
    }

    public InboundPoller.PollResult last() {
        return last.get();
    }
}
