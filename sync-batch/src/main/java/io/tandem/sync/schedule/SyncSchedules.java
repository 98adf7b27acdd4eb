package io.tandem.sync.schedule;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.SyncHistory;
import io.tandem.domain.model.sync.SyncLog;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.sync.imports.ImportUploads;
import io.tandem.sync.inbound.InboundPoller;
import io.tandem.sync.inbound.InitialImport;
import io.tandem.sync.outbound.OutboundDrain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * All of Tandem's timers. Non-persistent: on Payara Micro persistent timers live only in the data
 * grid, and a missed tick needs no catching up, the next one does the work. Each ticks often and acts
 * when the interval in force has passed: Settings → Syncing ({@code drainSeconds}, {@code pollSeconds}),
 * or {@code tandem.sync.drain-interval-seconds} / {@code tandem.sync.poll-interval-seconds} when set. A
 * changed setting so applies at once, without rescheduling. The drain also starts before its interval
 * when 200 changes wait. Once an hour the sync history older than
 * {@code tandem.sync.retention-days} (30) is purged.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SyncSchedules {

    private static final Logger LOG = Logger.getLogger(SyncSchedules.class.getName());
    private static final String DRAIN = "outbound-drain";
    private static final String POLL = "inbound-poll";
    private static final String RETENTION = "history-retention";
    private static final String SAMPLE = "sample";
    private static final long HOUR_MS = 3_600_000L;

    @Resource
    TimerService timers;

    /** Overrides the drain interval of Settings → Syncing (tests use a short one). */
    @Inject
    @ConfigProperty(name = "tandem.sync.drain-interval-seconds")
    Optional<Integer> drainIntervalOverride;

    /** Overrides the poll interval of Settings → Syncing (tests use a short one). */
    @Inject
    @ConfigProperty(name = "tandem.sync.poll-interval-seconds")
    Optional<Integer> pollIntervalOverride;

    /** Days of sync history kept (logs, sent outbox entries); 0 keeps everything. */
    @Inject
    @ConfigProperty(name = "tandem.sync.retention-days", defaultValue = "30")
    int retentionDays;

    @Inject
    InboundPoller poller;
    @Inject
    OutboundDrain drain;
    @Inject
    InitialImport initialImport;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    SyncLog log;
    @Inject
    ImportUploads uploads;
    @Inject
    SyncHistory history;
    @Inject
    Outbox outbox;

    private final AtomicLong drainTicks = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile Instant lastPoll = Instant.EPOCH;
    private volatile Instant lastDrain = Instant.EPOCH;
    private final AtomicReference<Instant> lastDrainTick = new AtomicReference<>();

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(1000, 1000, new TimerConfig(DRAIN, false));
        long pollTick = Math.min(5, pollIntervalOverride.orElse(5)) * 1000L;
        timers.createIntervalTimer(pollTick, pollTick, new TimerConfig(POLL, false));
        timers.createIntervalTimer(60_000L, HOUR_MS, new TimerConfig(RETENTION, false));
        timers.createIntervalTimer(5_000L, 60_000L, new TimerConfig(SAMPLE, false));
    }

    @Timeout
    void tick(Timer timer) {
        if (DRAIN.equals(timer.getInfo())) {
            drainIfDue();
        } else if (POLL.equals(timer.getInfo())) {
            pollIfDue();
        } else if (RETENTION.equals(timer.getInfo()) && retentionDays > 0) {
            purgeHistory();
        } else if (SAMPLE.equals(timer.getInfo())) {
            sampleQueue();
        }
    }

    /**
     * A drain starts when the cadence is due, or as soon as a full Salesforce call's worth of changes
     * waits, whichever comes first; at a trickle the cadence rules, under load full calls go out without
     * waiting for the clock. Ticks overlap while a drain runs (the singleton's concurrency is the bean's),
     * so a flag keeps it to one drain at a time on this instance.
     */
    private void drainIfDue() {
        if (draining.get()) {
            return;
        }
        try {
            int interval = drainIntervalOverride.orElseGet(() -> settings.current().drainSeconds());
            if (Instant.now().isBefore(lastDrain.plusSeconds(interval)) && !drain.fullCallWaiting()) {
                return;
            }
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            try {
                lastDrain = Instant.now();
                drainTicks.incrementAndGet();
                lastDrainTick.set(lastDrain);
                drain.drain();
            } finally {
                draining.set(false);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The outbound drain failed; the next one tries again", e);
        }
    }

    private void pollIfDue() {
        int interval = pollIntervalOverride.orElseGet(() -> settings.current().pollSeconds());
        if (Instant.now().isBefore(lastPoll.plusSeconds(interval))) {
            return;
        }
        lastPoll = Instant.now();
        try {
            initialImport.startOrResumeByItself();
            poller.poll("timer");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The inbound poll failed; the next one tries again", e);
        }
    }

    /** The queue's depth once a minute, for the overview's charts; a week and a day of it is kept. */
    private void sampleQueue() {
        try {
            Instant now = Instant.now();
            history.sampleQueue(now, outbox.backlog().queued());
            if (now.getEpochSecond() / 60 % 60 == 0) {
                history.forgetBefore(now.minus(Duration.ofDays(8)));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Sampling the queue failed; the next minute tries again", e);
        }
    }

    private void purgeHistory() {
        try {
            Instant before = Instant.now().minus(Duration.ofDays(retentionDays));
            SyncLog.Purged purged = log.purgeBefore(before);
            if (purged.logEntries() + purged.outboxEntries() > 0) {
                LOG.info(() -> "Sync history older than " + retentionDays + " days purged: " + purged);
            }
            int discarded = uploads.discardEndedBefore(before);
            if (discarded > 0) {
                LOG.info(() -> discarded + " uploads of imports that failed or stopped over " + retentionDays
                        + " days ago deleted; those imports no longer restart");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging the sync history failed; the next hour tries again", e);
        }
    }

    /** How often the drain timer has fired since start, and when last; for the overview. */
    public TimerState drainTimer() {
        return new TimerState(drainIntervalOverride.orElseGet(() -> settings.current().drainSeconds()), drainTicks.get(),
                lastDrainTick.get());
    }

    public record TimerState(int intervalSeconds, long ticks, Instant lastTick) {
    }
}
