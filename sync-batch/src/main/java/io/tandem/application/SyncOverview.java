package io.tandem.application;

import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.SyncHistory;
import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.sync.outbound.ApiLimits;
import io.tandem.sync.outbound.DrainStatus;
import io.tandem.sync.schedule.SyncSchedules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;

/** What the sync is doing right now (§8), for the overview page and the API. */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class SyncOverview {

    public record Overview(boolean connected, InboundSync.OrgView org, Outbound outbound, ApiCalls apiCalls, Inbound inbound,
                           Scheduler scheduler) {
    }

    /** The queue: items waiting, the age of the oldest, the last drain and why it paused, if it did. */
    public record Outbound(long queued, Long oldestQueuedSeconds, Instant lastDrain, int lastDrainSent, String pausedReason,
                           String lastError) {
    }

    /** API requests: Tandem's own in the rolling 24 h against its limit, and the org's against its maximum. */
    public record ApiCalls(long tandem24h, Integer tandemLimit, Long orgUsed, Long orgMax, int reservePercent) {
    }

    /** The initial import's state and progress, and the last poll of this instance. */
    public record Inbound(String importStatus, long importDone, long importTotal, InboundSync.PollView lastPoll) {
    }

    public record Scheduler(int drainIntervalSeconds, long drainTicks, Instant lastDrainTick) {
    }

    /** Hour by hour over the last {@code hours}, oldest first: the deepest queue sampled, and Tandem's API calls. */
    public record History(List<Instant> hours, List<Long> queued, List<Long> apiCalls) {
    }

    @Inject
    SyncSchedules schedules;
    @Inject
    InboundSync inbound;
    @Inject
    Outbox outbox;
    @Inject
    DrainStatus drain;
    @Inject
    ApiLimits limits;
    @Inject
    SalesforceOrg access;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    SyncHistory history;

    public Overview current() {
        SyncSchedules.TimerState timer = schedules.drainTimer();
        InboundSync.ImportView imported = inbound.status();
        Outbox.Backlog backlog = outbox.backlog();
        DrainStatus.Last last = drain.last();
        SyncSettings s = settings.current();
        var gateway = access.gateway();
        long[] org = gateway.map(g -> g.apiUsage()).orElse(new long[] {-1, -1});
        return new Overview(gateway.isPresent(), inbound.org(),
                new Outbound(backlog.queued(), backlog.oldest() == null ? null : Duration.between(backlog.oldest(), Instant.now()).toSeconds(),
                        last == null ? null : last.at(), last == null ? 0 : last.sent(), last == null ? null : last.pausedReason(),
                        last == null ? null : last.error()),
                new ApiCalls(limits.usedIn24Hours(), s.tandemDailyLimit(), org[0] < 0 ? null : org[0], org[1] < 0 ? null : org[1],
                        s.reservePercent()),
                new Inbound(imported.status(), imported.done(), imported.total(), inbound.lastPoll()),
                new Scheduler(timer.intervalSeconds(), timer.ticks(), timer.lastTick()));
    }

    /** The last {@code hours} hours (24 or 168), every hour present (0 where nothing was sampled or called). */
    public History history(int hours) {
        if (hours < 1 || hours > 24 * 8) {
            throw new InvalidRequestException("hours", "must be 1 to 192");
        }
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours - 1L));
        Map<Instant, Long> queued = new HashMap<>();
        history.queuedPerHour(first).forEach(p -> queued.put(p.hour(), p.value()));
        Map<Instant, Long> calls = new HashMap<>();
        history.callsPerHour(first).forEach(p -> calls.put(p.hour(), p.value()));
        List<Instant> slots = new ArrayList<>(hours);
        List<Long> q = new ArrayList<>(hours);
        List<Long> c = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            Instant h = first.plus(Duration.ofHours(i));
            slots.add(h);
            q.add(queued.getOrDefault(h, 0L));
            c.add(calls.getOrDefault(h, 0L));
        }
        return new History(slots, q, c);
    }
}
