package io.tandem.application;

import io.tandem.sync.schedule.SyncSchedules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

/** What the sync is doing right now, for the overview page and the API. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class SyncOverview {

    public record Overview(Scheduler scheduler, Inbound inbound) {
    }

    /** The initial import's state and progress, and the last poll of this instance. */
    public record Inbound(String importStatus, long importDone, long importTotal, InboundSync.PollView lastPoll) {
    }

    public record Scheduler(int drainIntervalSeconds, long drainTicks, Instant lastDrainTick) {
    }

    @Inject
    SyncSchedules schedules;
    @Inject
    InboundSync inbound;

    public Overview current() {
        SyncSchedules.TimerState drain = schedules.drainTimer();
        InboundSync.ImportView imported = inbound.status();
        return new Overview(new Scheduler(drain.intervalSeconds(), drain.ticks(), drain.lastTick()),
                new Inbound(imported.status(), imported.done(), imported.total(), inbound.lastPoll()));
    }
}
