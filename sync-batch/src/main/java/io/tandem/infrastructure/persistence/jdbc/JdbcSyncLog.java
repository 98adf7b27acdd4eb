package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import io.tandem.domain.shared.JsonText;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sync log's tables. An entry and its records are written on the caller's transaction, records in
 * multi-row inserts. Purges run on the non-transactional pool in small deletes, each committed on its
 * own, so no purge holds long locks against the drain or the poll.
 */
@ApplicationScoped
public class JdbcSyncLog implements SyncLog {

    private static final String ENTRY = "INSERT INTO sync_logs (direction, object, trigger_by, started_at, duration_ms, status, "
            + "created, updated, unchanged, skipped, failed, conflicts, api_calls, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ENTRY_COLUMNS = "id, direction, object, trigger_by, started_at, duration_ms, status, created, "
            + "updated, unchanged, skipped, failed, conflicts, api_calls, message";
    private static final int LOGS_PER_ROUND = 500;
    /** From this many records a batch's records are packed into one row (an import page has 2,000). */
    static final int PACK_FROM = 500;
    private static final String PACKED = "INSERT INTO sync_log_packed (log_id, record_count, packed) VALUES (?, ?, ?)";
    /** A packed entry's records as rows; the same unpacking as the {@code sync_log_lines} view. */
    private static final String UNPACKED = " FROM sync_log_packed p, JSON_TABLE(p.packed, '$[*]' COLUMNS (n FOR ORDINALITY, "
            + "sf_id VARCHAR(18) PATH '$[0]', contact_id BIGINT PATH '$[1]', company_id BIGINT PATH '$[2]', "
            + "outcome VARCHAR(12) PATH '$[3]', reason VARCHAR(500) PATH '$[4]', detail TEXT PATH '$[5]')) t";
    private static final int ROWS_PER_DELETE = 5_000;
    /** A week and a day: the overview charts the last 7 days of API calls. */
    private static final Duration API_USAGE_KEPT = Duration.ofDays(8);

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;
    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource nontx;

    @Override
    public long write(Batch batch, List<RecordOutcome> outcomes, Counts counts) {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement(ENTRY, Statement.RETURN_GENERATED_KEYS)) {
                Object[] values = {batch.direction(), batch.object(), batch.trigger(), Timestamp.from(batch.startedAt()),
                        Duration.between(batch.startedAt(), Instant.now()).toMillis(), batch.status(), counts.created(),
                        counts.updated(), counts.unchanged(), counts.skipped(), counts.failed(), counts.conflicts(),
                        batch.apiCalls(), Sql.clip(batch.message(), 1000)};
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (outcomes.size() >= PACK_FROM) {
                try (PreparedStatement ps = BinaryStatements.prepare(c, PACKED)) {
                    ps.setLong(1, id);
                    ps.setInt(2, outcomes.size());
                    ps.setBytes(3, packed(outcomes));
                    ps.executeUpdate();
                }
            } else if (!outcomes.isEmpty()) {
                try (MultiRowInsert rows = new MultiRowInsert(c, "sync_log_records", "log_id", "sf_id", "contact_id", "company_id",
                        "outcome", "reason", "detail")) {
                    for (RecordOutcome o : outcomes) {
                        rows.add(id, o.salesforceId(), o.contactId(), o.companyId(), o.outcome().name(), Sql.clip(o.reason(), 500),
                                o.detail().isEmpty() ? null : JsonText.write(o.detail()));
                    }
                    rows.finish();
                }
            }
            return id;
        } catch (SQLException e) {
            throw new PersistenceException("Writing the sync log failed: " + e.getMessage(), e);
        }
    }

    /**
     * The records as one JSON array of {@code [sf_id, contact_id, company_id, outcome, reason, detail]}, in UTF-8.
     * Each record is written as text on its own and its bytes added: a page's records written into one text held
     * it in UTF-16 from its first character beyond Latin-1 on (a "…" in a long value cut short) and copied it twice
     * more on its way to the driver, a sixth of all an import allocated.
     */
    static byte[] packed(List<RecordOutcome> outcomes) {
        byte[] out = new byte[300 * outcomes.size() + 2];
        int length = 0;
        out[length++] = '[';
        StringBuilder line = new StringBuilder(512);
        for (RecordOutcome o : outcomes) {
            line.setLength(0);
            if (length > 1) {
                line.append(',');
            }
            line.append('[');
            JsonText.appendString(line, o.salesforceId());
            line.append(',').append(o.contactId()).append(',').append(o.companyId()).append(',');
            JsonText.appendString(line, o.outcome().name());
            line.append(',');
            JsonText.appendString(line, Sql.clip(o.reason(), 500));
            line.append(',');
            JsonText.appendAsString(line, o.detail());
            line.append(']');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            if (length + bytes.length + 1 > out.length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, length + bytes.length + 1));
            }
            System.arraycopy(bytes, 0, out, length, bytes.length);
            length += bytes.length;
        }
        out[length++] = ']';
        return Arrays.copyOf(out, length);
    }

    @Override
    public Slice<Logged> entries(Filter filter, long beforeId, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(where, args, "direction = ?", filter.direction());
        condition(where, args, "object = ?", filter.object());
        condition(where, args, "status = ?", filter.status());
        condition(where, args, "started_at >= ?", filter.from());
        condition(where, args, "started_at < ?", filter.to());
        condition(where, args, "id IN (SELECT log_id FROM sync_log_records WHERE contact_id = ?)", filter.contactId());
        long total = count("SELECT COUNT(*) FROM sync_logs" + where, args);
        condition(where, args, "id < ?", beforeId > 0 ? beforeId : null);
        args.add(limit);
        List<Logged> items = Sql.query(dataSource, "Reading the sync log", "SELECT " + ENTRY_COLUMNS + " FROM sync_logs" + where
                + " ORDER BY id DESC LIMIT ?", args, rs -> {
                    List<Logged> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(new Logged(rs.getLong(1), new Batch(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getString(7), rs.getInt(14), rs.getString(15)), rs.getLong(6),
                                new Counts(rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13))));
                    }
                    return found;
                });
        return new Slice<>(items, total);
    }

    /** Through the records' contact index, newest first; each with its entry's direction, object and start. */
    @Override
    public Slice<HistoryLine> history(long contactId, long beforeId, int limit) {
        long total = count("SELECT COUNT(*) FROM sync_log_records WHERE contact_id = ?", List.of(contactId));
        List<Object> args = new ArrayList<>(List.of(contactId));
        StringBuilder where = new StringBuilder(" WHERE r.contact_id = ?");
        condition(where, args, "r.id < ?", beforeId > 0 ? beforeId : null);
        args.add(limit);
        List<HistoryLine> items = Sql.query(dataSource, "Reading a contact's sync history", "SELECT r.id, r.sf_id, r.company_id, r.outcome,"
                + " r.reason, r.detail, l.id, l.direction, l.object, l.trigger_by, l.started_at FROM sync_log_records r"
                + " JOIN sync_logs l ON l.id = r.log_id" + where + " ORDER BY r.id DESC LIMIT ?", args, rs -> {
                    List<HistoryLine> found = new ArrayList<>();
                    while (rs.next()) {
                        long company = rs.getLong(3);
                        Long companyId = rs.wasNull() ? null : company;
                        LoggedRecord r = new LoggedRecord(rs.getLong(1), new RecordOutcome(rs.getString(2), contactId, companyId,
                                RecordOutcome.Outcome.valueOf(rs.getString(4)), rs.getString(5), JsonText.read(rs.getString(6))));
                        found.add(new HistoryLine(rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getTimestamp(11).toInstant(), r));
                    }
                    return found;
                });
        return new Slice<>(items, total);
    }

    /**
     * The records of one entry: from its packed row when it has one (numbered from 1 in the order handled),
     * else from its rows.
     */
    @Override
    public Slice<LoggedRecord> records(long logId, RecordOutcome.Outcome outcome, long afterId, int limit) {
        boolean packed = count("SELECT COUNT(*) FROM sync_log_packed WHERE log_id = ?", List.of(logId)) > 0;
        String from = packed ? UNPACKED : " FROM sync_log_records";
        StringBuilder where = new StringBuilder(packed ? " WHERE p.log_id = ?" : " WHERE log_id = ?");
        List<Object> args = new ArrayList<>(List.of(logId));
        condition(where, args, "outcome = ?", outcome == null ? null : outcome.name());
        long total = count("SELECT COUNT(*)" + from + where, args);
        condition(where, args, packed ? "t.n > ?" : "id > ?", afterId);
        args.add(limit);
        String columns = packed ? "t.n, t.sf_id, t.contact_id, t.company_id, t.outcome, t.reason, t.detail"
                : "id, sf_id, contact_id, company_id, outcome, reason, detail";
        List<LoggedRecord> items = Sql.query(dataSource, "Reading the sync log", "SELECT " + columns + from + where
                + " ORDER BY 1 LIMIT ?", args, rs -> {
                    List<LoggedRecord> found = new ArrayList<>();
                    while (rs.next()) {
                        long contact = rs.getLong(3);
                        Long contactId = rs.wasNull() ? null : contact;
                        long company = rs.getLong(4);
                        Long companyId = rs.wasNull() ? null : company;
                        found.add(new LoggedRecord(rs.getLong(1), new RecordOutcome(rs.getString(2), contactId, companyId,
                                RecordOutcome.Outcome.valueOf(rs.getString(5)), rs.getString(6), JsonText.read(rs.getString(7)))));
                    }
                    return found;
                });
        return new Slice<>(items, total);
    }

    @Override
    public Purged purgeBefore(Instant before) {
        Timestamp cutoff = Timestamp.from(before);
        long logs = 0;
        long records = 0;
        try (Connection c = nontx.getConnection()) {
            List<Long> ids;
            while (!(ids = oldLogs(c, cutoff)).isEmpty()) {
                records += deleteAll(c, "DELETE FROM sync_log_records WHERE log_id IN " + Sql.in(ids) + " LIMIT " + ROWS_PER_DELETE);
                records += packedRecords(c, ids);
                Sql.update(c, "DELETE FROM sync_log_packed WHERE log_id IN " + Sql.in(ids));
                logs += Sql.update(c, "DELETE FROM sync_logs WHERE id IN " + Sql.in(ids));
            }
            long entries = deleteAll(c, "DELETE FROM outbox WHERE status IN ('SENT', 'SKIPPED') AND finished_at < ? LIMIT "
                    + ROWS_PER_DELETE, cutoff);
            Sql.update(c, "DELETE FROM api_usage WHERE minute < ?", Timestamp.from(Instant.now().minus(API_USAGE_KEPT)));
            return new Purged(logs, records, entries);
        } catch (SQLException e) {
            throw new PersistenceException("Purging the sync history failed: " + e.getMessage(), e);
        }
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            args.add(value);
        }
    }

    private long count(String sql, List<Object> args) {
        return Sql.query(dataSource, "Counting the sync log", sql, args, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    private static List<Long> oldLogs(Connection c, Timestamp cutoff) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT id FROM sync_logs WHERE started_at < ? ORDER BY id LIMIT " + LOGS_PER_ROUND,
                List.of(cutoff)); ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    private static long packedRecords(Connection c, List<Long> logIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(record_count), 0) FROM sync_log_packed WHERE log_id IN "
                + Sql.in(logIds)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Repeats a limited delete until it finds no more rows. */
    private static long deleteAll(Connection c, String sql, Object... args) throws SQLException {
        long total = 0;
        int n;
        do {
            n = Sql.update(c, sql, args);
            total += n;
        } while (n == ROWS_PER_DELETE);
        return total;
    }
}
