package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.SyncSettings;
import io.tandem.domain.service.SalesforceGateway;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The two API limits (§2): the org's daily requests less the reserve left to others (from every answer's
 * {@code Sforce-Limit-Info}, and {@code /limits} at least once a minute), and Tandem's own cap on its
 * calls in a rolling 24 hours (counted per minute in the database, so every instance counts).
 */
@ApplicationScoped
public class ApiLimits {

    private static final Duration LIMITS_EVERY = Duration.ofSeconds(60);

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    private static final Duration WHILE_PAUSED_EVERY = Duration.ofSeconds(10);

    private volatile Instant limitsReadAt = Instant.EPOCH;
    private volatile boolean orgFull;

    /**
     * Why calls must wait now, or null when there is room. While the org's limit holds Tandem back, the
     * limits are read every 10 s (one call), since no other call would tell that room came back.
     */
    public String pausedReason(SalesforceGateway gateway, SyncSettings settings) {
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
        if (calls <= 0) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_usage (minute, calls) VALUES (?, ?) ON DUPLICATE KEY UPDATE calls = calls + VALUE(calls)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MINUTES)));
            ps.setInt(2, calls);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public long usedIn24Hours() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(SUM(calls), 0) FROM api_usage WHERE minute > ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(24))));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }
}
