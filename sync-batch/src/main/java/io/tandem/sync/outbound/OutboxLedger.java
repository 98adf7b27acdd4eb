package io.tandem.sync.outbound;

import io.tandem.domain.model.sync.RecordType;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outbox as the drain works it, on the caller's transaction: claiming entries (row locks skipped by
 * other instances, then a lease), and ending them sent, failed, skipped, or back in the queue for later.
 */
@ApplicationScoped
public class OutboxLedger {

    /** An entry the drain holds. */
    public record Claimed(long id, RecordType type, long recordId, String operation, Set<String> fields, int attempts,
                          Instant createdAt) {
    }

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    /**
     * Claims up to {@code max} entries in the order the changes were made: those waiting, and those whose
     * lease ran out (their instance died). Rows another instance is claiming are skipped, not waited for.
     */
    public List<Claimed> claim(String instance, int max, Duration lease) {
        Instant now = Instant.now();
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, record_type, record_id, operation, fields, attempts, created_at "
                    + "FROM outbox WHERE (status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)) "
                    + "OR (status = 'CLAIMED' AND claimed_until < ?) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed(rs.getLong(1), RecordType.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                                new LinkedHashSet<>(Arrays.asList(rs.getString(5).split(","))), rs.getInt(6),
                                rs.getTimestamp(7).toInstant()));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                update(c, "UPDATE outbox SET status = 'CLAIMED', claimed_by = ?, claimed_until = ? WHERE id IN " + in(ids(claimed)),
                        instance, Timestamp.from(now.plus(lease)));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Claiming outbox entries failed: " + e.getMessage(), e);
        }
        return claimed;
    }

    /** Keeps holding entries still being worked on (a batch that takes longer than a lease keeps them). */
    public void renew(String instance, Collection<Long> ids, Duration lease) {
        if (!ids.isEmpty()) {
            run("UPDATE outbox SET claimed_until = ? WHERE claimed_by = ? AND status = 'CLAIMED' AND id IN " + in(ids),
                    Timestamp.from(Instant.now().plus(lease)), instance);
        }
    }

    /** Ends entries: SENT, FAILED (with Salesforce's code and message) or SKIPPED (with why). */
    public void finish(Collection<Long> ids, String status, String code, String message, Long logId) {
        if (ids.isEmpty()) {
            return;
        }
        run("UPDATE outbox SET status = ?, finished_at = ?, error_code = ?, error_message = ?, log_id = ?, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id IN " + in(ids), status, Timestamp.from(Instant.now()), code,
                message == null ? null : message.substring(0, Math.min(1000, message.length())), logId);
    }

    /** Back in the queue after a transient failure, tried again after a pause that grows with each attempt. */
    public void retryLater(Collection<Long> ids, int attempts, String code, String message) {
        if (ids.isEmpty()) {
            return;
        }
        long pause = Math.min(300, 5L << Math.min(attempts, 6));
        run("UPDATE outbox SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, error_code = ?, error_message = ?, "
                + "claimed_by = NULL, claimed_until = NULL WHERE id IN " + in(ids), Timestamp.from(Instant.now().plusSeconds(pause)), code,
                message == null ? null : message.substring(0, Math.min(1000, message.length())));
    }

    /** Failed entries back in the queue: by id, by the log entry of their batch, or failed within a time window. */
    public int replay(Collection<Long> ids, Long logId, Instant from, Instant to) {
        StringBuilder where = new StringBuilder("status = 'FAILED'");
        List<Object> args = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            where.append(" AND id IN ").append(in(ids));
        }
        if (logId != null) {
            where.append(" AND log_id = ?");
            args.add(logId);
        }
        if (from != null) {
            where.append(" AND finished_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND finished_at < ?");
            args.add(Timestamp.from(to));
        }
        return run("UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = NULL, error_code = NULL, error_message = NULL, "
                + "finished_at = NULL, log_id = NULL WHERE " + where, args.toArray());
    }

    /** Entries waiting (or held) and when the oldest was made; null when none wait. */
    public record Backlog(long queued, Instant oldest) {
    }

    public Backlog backlog() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status IN ('PENDING', 'CLAIMED')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private int run(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return update(c, sql, args);
        } catch (SQLException e) {
            throw new PersistenceException("Updating outbox entries failed: " + e.getMessage(), e);
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static List<Long> ids(List<Claimed> claimed) {
        return claimed.stream().map(Claimed::id).toList();
    }

    /** An IN list of numbers (ids only, never text, so nothing to escape). */
    private static String in(Collection<Long> ids) {
        StringBuilder sb = new StringBuilder("(");
        for (Long id : ids) {
            sb.append(sb.length() == 1 ? "" : ",").append(id.longValue());
        }
        return sb.append(")").toString();
    }
}
