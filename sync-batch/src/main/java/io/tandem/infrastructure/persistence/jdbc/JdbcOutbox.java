package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.OutboxStatus;
import io.tandem.domain.model.sync.RecordType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The outbox table, on the caller's transaction (the pool JPA uses, so an entry commits with its change).
 * Claims lock rows with {@code FOR UPDATE SKIP LOCKED}: two instances claiming at once take different
 * entries instead of waiting on each other, and the lease marks what a live drain holds. Fields are
 * stored as one comma-separated column and never leave this class that way.
 */
@ApplicationScoped
public class JdbcOutbox implements Outbox {

    private static final int MESSAGE = 1000;
    private static final int FIELDS = 2000;
    private static final String COLUMNS = "o.id, o.record_type, o.record_id, o.operation, o.fields, o.source, o.created_at, "
            + "o.status, o.attempts";
    /**
     * Changes of one record go out in the order they were made: an entry waits while an earlier entry of its
     * record waits out a retry's back-off, or is held under a live lease (by another drain).
     */
    private static final String NOTHING_EARLIER_WAITS = "NOT EXISTS (SELECT 1 FROM outbox e WHERE e.record_type = o.record_type "
            + "AND e.record_id = o.record_id AND e.id < o.id AND ((e.status = 'PENDING' AND e.next_attempt_at > ?) "
            + "OR (e.status = 'CLAIMED' AND e.claimed_until >= ?)))";
    private static final String QUEUED = "status IN ('" + OutboxStatus.PENDING + "', '" + OutboxStatus.CLAIMED + "')";

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    @Override
    public void enqueue(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             MultiRowInsert rows = new MultiRowInsert(c, "outbox", "record_type", "record_id", "operation", "fields", "source",
                     "created_at", "status")) {
            for (OutboxEntry e : entries) {
                rows.add(e.kind().name(), e.recordId(), e.operation().name(), joined(e.fields()), e.source().name(),
                        e.createdAt(), OutboxStatus.PENDING.name());
            }
            rows.finish();
        } catch (SQLException e) {
            throw new PersistenceException("Queueing changes failed: " + e.getMessage(), e);
        }
    }

    /**
     * Two locking reads in id order, each stopping at {@code max}: waiting entries whose time has come and
     * behind which nothing of their record waits, and claimed ones whose lease ran out; merged in id order
     * and cut to {@code max}. The claim's own
     * transaction reads at READ COMMITTED: under MariaDB's REPEATABLE READ, a second claimer that meets
     * rows a first one has locked and changed (PENDING to CLAIMED, not yet committed) skips them and then
     * finds none of the rest either, so two instances never drained side by side (OutboxAdapterIT shows
     * it). {@code SET TRANSACTION} holds for the next transaction only, so the pooled connection goes back
     * to the default afterwards. Where the caller's transaction has already begun on this connection the
     * level cannot change, and the claim still holds, one claimer at a time.
     */
    @Override
    public List<Claimed> claim(String instance, int max, Duration lease) {
        Instant now = Instant.now();
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            ReadCommitted.set(c);
            read(c, "o.status = 'PENDING' AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) AND " + NOTHING_EARLIER_WAITS,
                    List.of(now, now, now, max), claimed);
            read(c, "o.status = 'CLAIMED' AND o.claimed_until < ?", List.of(now, max), claimed);
            claimed.sort(java.util.Comparator.comparingLong(Claimed::id));
            if (claimed.size() > max) {
                claimed.subList(max, claimed.size()).clear();
            }
            if (!claimed.isEmpty()) {
                Sql.update(c, "UPDATE outbox SET status = 'CLAIMED', claimed_by = ?, claimed_until = ? WHERE id IN "
                        + Sql.in(claimed.stream().map(Claimed::id).toList()), instance, java.sql.Timestamp.from(now.plus(lease)));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Claiming outbox entries failed: " + e.getMessage(), e);
        }
        return claimed;
    }

    private static void read(Connection c, String condition, List<Object> args, List<Claimed> into) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + " FROM outbox o WHERE " + condition
                + " ORDER BY o.id LIMIT ? FOR UPDATE SKIP LOCKED", args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(new Claimed(rs.getLong(1), entry(rs), rs.getInt(9), OutboxStatus.CLAIMED.name().equals(rs.getString(8))));
            }
        }
    }

    @Override
    public void renew(String instance, Collection<Long> ids, Duration lease) {
        if (!ids.isEmpty()) {
            run("UPDATE outbox SET claimed_until = ? WHERE claimed_by = ? AND status = 'CLAIMED' AND id IN " + Sql.in(ids),
                    Instant.now().plus(lease), instance);
        }
    }

    @Override
    public void sent(Collection<Long> ids, long logId) {
        end(ids, OutboxStatus.SENT, null, null, logId);
    }

    @Override
    public void skipped(Collection<Long> ids, String reason, long logId) {
        end(ids, OutboxStatus.SKIPPED, null, reason, logId);
    }

    @Override
    public void park(Collection<Long> ids, String code, String message, long logId) {
        end(ids, OutboxStatus.FAILED, code, message, logId);
    }

    private void end(Collection<Long> ids, OutboxStatus status, String code, String message, long logId) {
        if (!ids.isEmpty()) {
            run("UPDATE outbox SET status = ?, finished_at = ?, error_code = ?, error_message = ?, log_id = ?, claimed_by = NULL, "
                    + "claimed_until = NULL WHERE id IN " + Sql.in(ids), status.name(), Instant.now(), code, Sql.clip(message, MESSAGE), logId);
        }
    }

    @Override
    public void putBack(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            run("UPDATE outbox SET status = 'PENDING', claimed_by = NULL, claimed_until = NULL WHERE status = 'CLAIMED' AND id IN "
                    + Sql.in(ids));
        }
    }

    @Override
    public void retryLater(Collection<Long> ids, int attempts, String code, String message) {
        if (ids.isEmpty()) {
            return;
        }
        long pause = Math.min(300, 5L << Math.min(attempts, 6));
        run("UPDATE outbox SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, error_code = ?, error_message = ?, "
                + "claimed_by = NULL, claimed_until = NULL WHERE id IN " + Sql.in(ids), Instant.now().plusSeconds(pause), code,
                Sql.clip(message, MESSAGE));
    }

    @Override
    public void holdUntil(Collection<Long> ids, Instant until, String code, String message) {
        if (ids.isEmpty()) {
            return;
        }
        run("UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, error_code = ?, error_message = ?, claimed_by = NULL, "
                + "claimed_until = NULL WHERE id IN " + Sql.in(ids), until, code, Sql.clip(message, MESSAGE));
    }

    @Override
    public int replay(Replay which) {
        StringBuilder where = new StringBuilder("status = 'FAILED'");
        List<Object> args = new ArrayList<>();
        if (which.ids() != null && !which.ids().isEmpty()) {
            where.append(" AND id IN ").append(Sql.in(which.ids()));
        }
        if (which.logId() != null) {
            where.append(" AND log_id = ?");
            args.add(which.logId());
        }
        if (which.recordId() != null) {
            where.append(" AND record_id = ?");
            args.add(which.recordId());
        }
        if (which.from() != null) {
            where.append(" AND finished_at >= ?");
            args.add(which.from());
        }
        if (which.to() != null) {
            where.append(" AND finished_at < ?");
            args.add(which.to());
        }
        return run("UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = NULL, error_code = NULL, error_message = NULL, "
                + "finished_at = NULL, log_id = NULL WHERE " + where, args.toArray());
    }

    @Override
    public Backlog backlog() {
        return Sql.query(dataSource, "Reading the outbox", "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE " + QUEUED, List.of(), rs -> {
            rs.next();
            return new Backlog(rs.getLong(1), Sql.instant(rs.getTimestamp(2)));
        });
    }

    @Override
    public boolean hasWaiting(int size) {
        return Sql.query(dataSource, "Reading the outbox", "SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE status = 'PENDING' "
                + "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) LIMIT ?) waiting", List.of(Instant.now(), size), rs -> {
                    rs.next();
                    return rs.getInt(1) >= size;
                });
    }

    @Override
    public List<Queued> queued(long afterId, int limit) {
        return Sql.query(dataSource, "Reading the outbox", "SELECT " + COLUMNS + " FROM outbox o WHERE " + QUEUED
                + " AND o.id > ? ORDER BY o.id LIMIT ?", List.of(afterId, limit), rs -> {
                    List<Queued> items = new ArrayList<>();
                    while (rs.next()) {
                        items.add(new Queued(rs.getLong(1), entry(rs), OutboxStatus.valueOf(rs.getString(8)), rs.getInt(9)));
                    }
                    return items;
                });
    }

    private int run(String sql, Object... args) {
        return Sql.update(dataSource, "Updating outbox entries", sql, args);
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        String fields = rs.getString(5);
        return new OutboxEntry(RecordType.valueOf(rs.getString(2)), rs.getLong(3), OutboxEntry.Operation.valueOf(rs.getString(4)),
                fields.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(fields.split(","))),
                SystemSource.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant());
    }

    /** The column holds 2,000 characters: a longer list keeps the whole names that fit and says it was cut. */
    static String joined(Collection<String> fields) {
        String joined = String.join(",", fields);
        return joined.length() > FIELDS ? joined.substring(0, joined.lastIndexOf(',', FIELDS - 3)) + ",…" : joined;
    }
}
