package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.Watermark;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How far each Salesforce object has been read (its watermark) and the initial import's state and
 * progress, on the caller's transaction: a page's records, its watermark and its log commit together,
 * which is what lets a killed import or poll resume exactly where it stopped.
 */
@ApplicationScoped
public class InboundState {

    private static final Logger LOG = Logger.getLogger(InboundState.class.getName());

    /** The initial import as the API shows it. */
    public record ImportStatus(String status, Long executionId, long total, long done, String message, Instant startedAt,
                               Instant finishedAt, Instant launchedAt) {

        public boolean isRunning() {
            return "RUNNING".equals(status);
        }

        public boolean isDone() {
            return "COMPLETED".equals(status);
        }
    }

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    public Map<String, Watermark> watermarks() {
        Map<String, Watermark> all = new LinkedHashMap<>();
        for (String object : SalesforceFields.OBJECTS) {
            all.put(object, Watermark.BEGINNING);
        }
        query("SELECT object, modstamp, last_id FROM sync_watermarks", rs -> {
            while (rs.next()) {
                all.put(rs.getString(1), new Watermark(rs.getTimestamp(2).toInstant(), rs.getString(3)));
            }
            return null;
        });
        return all;
    }

    public Watermark watermark(String object) {
        return watermarks().get(object);
    }

    public void advance(String object, Watermark to) {
        update("INSERT INTO sync_watermarks (object, modstamp, last_id, updated_at) VALUES (?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE modstamp = VALUE(modstamp), last_id = VALUE(last_id), updated_at = VALUE(updated_at)",
                object, Timestamp.from(to.systemModstamp()), to.id(), Timestamp.from(Instant.now()));
    }

    /** Sets every object back to the beginning: a new initial import reads everything. */
    public void resetAll() {
        update("DELETE FROM sync_watermarks");
    }

    public ImportStatus importStatus() {
        return query("SELECT status, execution_id, total, done, message, started_at, finished_at, launched_at FROM sync_import "
                + "WHERE id = 1", rs -> {
            rs.next();
            long execution = rs.getLong(2);
            return new ImportStatus(rs.getString(1), rs.wasNull() ? null : execution, rs.getLong(3), rs.getLong(4),
                    rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
        });
    }

    /**
     * An import is being launched, fresh (progress and start time anew) or going on from its watermarks.
     * Written before the job exists, so every instance sees it alive until its job takes the import's lock.
     */
    public void importLaunched(boolean fresh) {
        Timestamp now = Timestamp.from(Instant.now());
        if (fresh) {
            update("UPDATE sync_import SET status = 'RUNNING', execution_id = NULL, total = 0, done = 0, message = NULL, "
                    + "started_at = ?, finished_at = NULL, launched_at = ? WHERE id = 1", now, now);
        } else {
            update("UPDATE sync_import SET status = 'RUNNING', execution_id = NULL, message = NULL, finished_at = NULL, "
                    + "launched_at = ? WHERE id = 1", now);
        }
    }

    /**
     * A server killed mid-import leaves its execution STARTED in the job repository for ever; once the
     * import is known dead (no instance holds its lock) the execution and its open step are marked
     * ABANDONED, so the batch job lists tell the truth. The repository's tables are Payara's, with the
     * default prefix our boot commands keep; should they differ, the marks are skipped.
     */
    public void executionCutOff(long executionId) {
        Timestamp now = Timestamp.from(Instant.now());
        try {
            update("UPDATE jbatchSTEPEXECUTIONINSTANCEDATA SET batchstatus = 'ABANDONED', exitstatus = 'CUT_OFF_BY_A_CRASH', "
                    + "endTime = ? WHERE jobexecid = ? AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')", now, executionId);
            update("UPDATE jbatchEXECUTIONINSTANCEDATA SET batchstatus = 'ABANDONED', exitstatus = 'CUT_OFF_BY_A_CRASH', "
                    + "endtime = ?, updatetime = ? WHERE jobexecid = ? AND batchstatus IN ('STARTING', 'STARTED', 'STOPPING')",
                    now, now, executionId);
        } catch (PersistenceException e) {
            LOG.log(Level.FINE, "The job repository's execution " + executionId + " was not marked abandoned", e);
        }
    }

    public void importExecution(long executionId) {
        update("UPDATE sync_import SET execution_id = ? WHERE id = 1", executionId);
    }

    /** The job holds the import's lock now: the lock, not the launch time, says it is alive. */
    public void importRunning(long executionId) {
        update("UPDATE sync_import SET status = 'RUNNING', execution_id = ?, message = NULL, finished_at = NULL, launched_at = NULL "
                + "WHERE id = 1", executionId);
    }

    public void importTotal(long total) {
        update("UPDATE sync_import SET total = ? WHERE id = 1", total);
    }

    public void importProgress(long records) {
        update("UPDATE sync_import SET done = done + ? WHERE id = 1", records);
    }

    public void importEnded(String status, String message) {
        update("UPDATE sync_import SET status = ?, message = ?, finished_at = ?, launched_at = NULL WHERE id = 1",
                status, message == null ? null : message.substring(0, Math.min(message.length(), 1000)), Timestamp.from(Instant.now()));
    }

    /**
     * Ends a completed import. Records counted at the start but changed or deleted while it ran are left
     * to the poll (it reads only what had settled when it began), so the total becomes what was read and
     * the message says how many the poll takes.
     */
    public void importCompleted() {
        update("UPDATE sync_import SET message = CASE WHEN done < total THEN CONCAT(total - done, ' of the records counted at the start "
                + "changed or were deleted while the import ran; the poll takes them') END, total = LEAST(total, done), "
                + "status = 'COMPLETED', finished_at = ?, launched_at = NULL WHERE id = 1", Timestamp.from(Instant.now()));
    }

    private interface Reading<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Reading<T> reading) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return reading.read(rs);
        } catch (SQLException e) {
            throw new PersistenceException("Reading the inbound state failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Writing the inbound state failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
