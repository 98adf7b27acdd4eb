package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.ApiCallLedger;
import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.sync.OrgGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * The two API limits (§2): the org's daily requests less the reserve left to others (from every answer's
 * {@code Sforce-Limit-Info}, and {@code /limits} at least once a minute), and Tandem's own cap on its
 * calls in a rolling 24 hours (counted per minute in the database, so every instance counts). Before
 * either, the org itself: connected to another org than the links were made with, every call waits
 * ({@link OrgGuard}).
 */
@ApplicationScoped
public class ApiLimits {

    private static final Duration LIMITS_EVERY = Duration.ofSeconds(60);

    @Inject
    ApiCallLedger ledger;
    @Inject
    OrgGuard org;

    private static final Duration WHILE_PAUSED_EVERY = Duration.ofSeconds(10);

    private volatile Instant limitsReadAt = Instant.EPOCH;
    private volatile boolean orgFull;

    /**
     * Why calls must wait now, or null when there is room. While the org's limit holds Tandem back, the
     * limits are read every 10 s (one call), since no other call would tell that room came back.
     */
    public String pausedReason(SalesforceGateway gateway, SyncSettings settings) {
        String otherOrg = org.stopReason(gateway);
        if (otherOrg != null) {
            return otherOrg;
        }
        if (Instant.now().isAfter(limitsReadAt.plus(orgFull ? WHILE_PAUSED_EVERY : LIMITS_EVERY))) {
            long before = gateway.callsSent();
            gateway.refreshLimits();
            limitsReadAt = Instant.now();
            record((int) (gateway.callsSent() - before));
        }
        long[] org = gateway.apiUsage();
        orgFull = false;
        if (org[1] > 0) {
            long allowed = org[1] * (100 - settings.reservePercent()) / 100;
            if (org[0] >= allowed) {
                orgFull = true;
                return "the org has used " + org[0] + " of its " + org[1] + " daily API requests; " + settings.reservePercent()
                        + "% are left to other integrations";
            }
        }
        Integer own = settings.tandemDailyLimit();
        if (own != null) {
            long used = usedIn24Hours();
            if (used >= own) {
                return "Tandem has used " + used + " API requests in the last 24 hours, its limit is " + own;
            }
        }
        return null;
    }

    /** Counts calls Tandem made (every instance adds to the same minute). */
    public void record(int calls) {
        ledger.record(calls);
    }

    public long usedIn24Hours() {
        return ledger.usedSince(Instant.now().minus(Duration.ofHours(24)));
    }
}
