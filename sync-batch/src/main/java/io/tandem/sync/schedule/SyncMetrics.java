package io.tandem.sync.schedule;

import io.tandem.sync.outbound.ApiLimits;
import io.tandem.domain.model.sync.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Duration;
import java.time.Instant;

/** The sync's gauges on {@code /metrics}: queued items, the oldest one's age, Tandem's API calls in 24 h. */
@Startup
@Singleton
public class SyncMetrics {

    @Inject
    MetricRegistry registry;
    @Inject
    Outbox outbox;
    @Inject
    ApiLimits limits;

    @PostConstruct
    void register() {
        registry.gauge("tandem.outbox.queued", () -> outbox.backlog().queued());
        registry.gauge("tandem.outbox.oldest.age.seconds", () -> {
            Instant oldest = outbox.backlog().oldest();
            return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds();
        });
        registry.gauge("tandem.api.calls.24h", () -> limits.usedIn24Hours());
    }
}
