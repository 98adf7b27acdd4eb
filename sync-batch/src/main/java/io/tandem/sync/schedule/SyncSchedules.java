package io.tandem.sync.schedule;

import io.tandem.infrastructure.persistence.flyway.DatabaseMigration;
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

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * All of Tandem's timers. Non-persistent: on Payara Micro persistent timers live only in the data
 * grid, and a missed tick needs no catching up, the next one does the work. The interval is
 * configuration ({@code tandem.sync.drain-interval-seconds}), so tests and administrators can set it.
 */
@Startup
@Singleton
@DependsOn(DatabaseMigration.NAME)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SyncSchedules {

    private static final String DRAIN = "outbound-drain";

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "tandem.sync.drain-interval-seconds", defaultValue = "10")
    int drainIntervalSeconds;

    private final AtomicLong drainTicks = new AtomicLong();
    private final AtomicReference<Instant> lastDrainTick = new AtomicReference<>();

    @PostConstruct
    void schedule() {
        long interval = drainIntervalSeconds * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig(DRAIN, false));
    }

    @Timeout
    void tick(Timer timer) {
        if (DRAIN.equals(timer.getInfo())) {
            drainTicks.incrementAndGet();
            lastDrainTick.set(Instant.now());
        }
    }

    /** How often the drain timer has fired since start, and when last; for the overview. */
    public TimerState drainTimer() {
        return new TimerState(drainIntervalSeconds, drainTicks.get(), lastDrainTick.get());
    }

    public record TimerState(int intervalSeconds, long ticks, Instant lastTick) {
    }
}
