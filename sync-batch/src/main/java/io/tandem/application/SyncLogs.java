package io.tandem.application;

import io.tandem.domain.shared.JsonText;
import io.tandem.sync.log.SyncRetention;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sync logs (§8): one entry per inbound or outbound batch, newest first, filtered by direction,
 * object, status and time; and every record of an entry, filtered by outcome.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class SyncLogs {

    private static final Set<String> DIRECTIONS = Set.of("INBOUND", "OUTBOUND");
    private static final Set<String> OUTCOMES = Set.of("CREATED", "UPDATED", "UNCHANGED", "SKIPPED", "FAILED", "DELETED");

    public record Filter(String direction, String object, String status, String from, String to) {
    }

    public record Entry(long id, String direction, String object, String trigger, Instant startedAt, long durationMs,
                        String status, int created, int updated, int unchanged, int skipped, int failed, int conflicts,
                        int apiCalls, String message) {
    }

    public record RecordLine(long id, String salesforceId, Long contactId, Long companyId, String outcome, String reason,
                             Map<String, Object> detail) {
    }

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;
    @Inject
    SyncRetention retention;

    public Page<Entry> entries(Filter filter, String cursor, Integer limit) {
        int n = Cursors.limit(limit);
        long before = Cursors.read(cursor);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.direction() != null) {
            String d = filter.direction().toUpperCase(Locale.ROOT);
            if (!DIRECTIONS.contains(d)) {
                throw new InvalidRequestException("direction", "must be inbound or outbound");
            }
            where.append(" AND direction = ?");
            args.add(d);
        }
        if (filter.object() != null) {
            where.append(" AND object = ?");
            args.add(filter.object());
        }
        if (filter.status() != null) {
            where.append(" AND status = ?");
            args.add(filter.status().toUpperCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            where.append(" AND started_at >= ?");
            args.add(Timestamp.from(instant("from", filter.from())));
        }
        if (filter.to() != null) {
            where.append(" AND started_at < ?");
            args.add(Timestamp.from(instant("to", filter.to())));
        }
        long total = count("SELECT COUNT(*) FROM sync_logs" + where, args);
        List<Object> pageArgs = new ArrayList<>(args);
        String page = "SELECT id, direction, object, trigger_by, started_at, duration_ms, status, created, updated, unchanged, "
                + "skipped, failed, conflicts, api_calls, message FROM sync_logs" + where
                + (before > 0 ? " AND id < ?" : "") + " ORDER BY id DESC LIMIT " + (n + 1);
        if (before > 0) {
            pageArgs.add(before);
        }
        List<Entry> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, page, pageArgs); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getLong(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12),
                        rs.getInt(13), rs.getInt(14), rs.getString(15)));
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        return trim(items, n, total, Entry::id);
    }

    public Entry entry(long id) {
        Page<Entry> all = entries(new Filter(null, null, null, null, null), Cursors.after(id + 1), 1);
        if (all.items().isEmpty() || all.items().get(0).id() != id) {
            throw new UnknownRecordException("sync log entry", id);
        }
        return all.items().get(0);
    }

    /** The records of one entry in the order handled, optionally only those with one outcome. */
    public Page<RecordLine> records(long logId, String outcome, String cursor, Integer limit) {
        entry(logId);
        int n = Cursors.limit(limit);
        long after = Cursors.read(cursor);
        List<Object> args = new ArrayList<>(List.of(logId));
        String where = " WHERE log_id = ?";
        if (outcome != null) {
            String o = outcome.toUpperCase(Locale.ROOT);
            if (!OUTCOMES.contains(o)) {
                throw new InvalidRequestException("outcome", "must be one of " + OUTCOMES);
            }
            where += " AND outcome = ?";
            args.add(o);
        }
        long total = count("SELECT COUNT(*) FROM sync_log_records" + where, args);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(after);
        List<RecordLine> items = new ArrayList<>();
        String sql = "SELECT id, sf_id, contact_id, company_id, outcome, reason, detail FROM sync_log_records" + where
                + " AND id > ? ORDER BY id LIMIT " + (n + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, pageArgs); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long contact = rs.getLong(3);
                Long contactId = rs.wasNull() ? null : contact;
                long company = rs.getLong(4);
                Long companyId = rs.wasNull() ? null : company;
                items.add(new RecordLine(rs.getLong(1), rs.getString(2), contactId, companyId, rs.getString(5), rs.getString(6),
                        JsonText.read(rs.getString(7))));
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        return trim(items, n, total, RecordLine::id);
    }

    private static <T> Page<T> trim(List<T> items, int n, long total, java.util.function.ToLongFunction<T> id) {
        boolean more = items.size() > n;
        List<T> shown = more ? items.subList(0, n) : items;
        return new Page<>(List.copyOf(shown), total, more ? Cursors.after(id.applyAsLong(shown.get(n - 1))) : null);
    }

    private long count(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    /** Forgets the history before a time (§ retention in the README); failed and waiting entries stay. */
    @RolesAllowed(Roles.ADMIN)
    public PurgedHistory purge(String before) {
        if (before == null || before.isBlank()) {
            throw new InvalidRequestException("before", "say up to when the history goes, as an ISO-8601 instant");
        }
        return retention.purgeBefore(instant("before", before));
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
    }
}
