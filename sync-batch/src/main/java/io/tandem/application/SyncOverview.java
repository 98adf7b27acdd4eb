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

    public record Overview(Scheduler scheduler) {
    }

    public record Scheduler(int drainIntervalSeconds, long drainTicks, Instant lastDrainTick) {
    }

    @Inject
    SyncSchedules schedules;

    public Overview current() {
        SyncSchedules.TimerState drain = schedules.drainTimer();
        return new Overview(new Scheduler(drain.intervalSeconds(), drain.ticks(), drain.lastTick()));
    }
}
