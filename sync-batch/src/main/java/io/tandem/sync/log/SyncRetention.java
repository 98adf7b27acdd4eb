package io.tandem.sync.log;

import io.tandem.application.PurgedHistory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Forgets what is only history: sync log entries (with their records) started before a time, outbox
 * entries that ended sent or skipped before it, and per-minute API counts older than the rolling 24 h
 * needs. Failed and waiting entries always stay. Deletes in small statements, each committed on its
 * own (the non-transactional pool), so no purge holds long locks against the drain or the poll.
 */
@ApplicationScoped
public class SyncRetention {

    private static final int LOGS_PER_ROUND = 500;
    private static final int ROWS_PER_DELETE = 5_000;
    private static final Duration API_USAGE_KEPT = Duration.ofHours(25);

    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource dataSource;

    public PurgedHistory purgeBefore(Instant before) {
        Timestamp cutoff = Timestamp.from(before);
        long logs = 0;
        long records = 0;
        try (Connection c = dataSource.getConnection()) {
            List<Long> ids;
            while (!(ids = oldLogs(c, cutoff)).isEmpty()) {
                String in = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
                records += deleteAll(c, "DELETE FROM sync_log_records WHERE log_id IN " + in + " LIMIT " + ROWS_PER_DELETE);
                logs += delete(c, "DELETE FROM sync_logs WHERE id IN " + in);
            }
            long entries = deleteAll(c, "DELETE FROM outbox WHERE status IN ('SENT', 'SKIPPED') AND finished_at < ? LIMIT "
                    + ROWS_PER_DELETE, cutoff);
            delete(c, "DELETE FROM api_usage WHERE minute < ?", Timestamp.from(Instant.now().minus(API_USAGE_KEPT)));
            return new PurgedHistory(logs, records, entries);
        } catch (SQLException e) {
            throw new PersistenceException("Purging the sync history failed: " + e.getMessage(), e);
        }
    }

    private static List<Long> oldLogs(Connection c, Timestamp cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sync_logs WHERE started_at < ? ORDER BY id LIMIT " + LOGS_PER_ROUND)) {
            ps.setTimestamp(1, cutoff);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Repeats a limited delete until it finds no more rows. */
    private static long deleteAll(Connection c, String sql, Object... args) throws SQLException {
        long total = 0;
        int n;
        do {
            n = delete(c, sql, args);
            total += n;
        } while (n == ROWS_PER_DELETE);
        return total;
    }

    private static int delete(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
