package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceObjects;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The inbound state in {@code sync_watermarks} and the one rows of {@code sync_import} and {@code sync_org}. */
@ApplicationScoped
public class JdbcInboundState implements InboundState {

    private static final Logger LOG = Logger.getLogger(JdbcInboundState.class.getName());

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    @Override
    public Map<String, Watermark> watermarks() {
        Map<String, Watermark> all = new LinkedHashMap<>();
        for (String object : SalesforceObjects.INBOUND_ORDER) {
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

    /** Whether a refusal has been logged at WARNING yet (once a server run: it says the database's setup). */
    private final AtomicBoolean refusalLogged = new AtomicBoolean();

    @Override
    public boolean readOthersCommits() {
        try (Connection c = dataSource.getConnection()) {
            if (ReadCommitted.set(c)) {
                return true;
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "No connection to set the isolation on: {0}", e.getMessage());
        }
        if (refusalLogged.compareAndSet(false, true)) {
            LOG.warning("A page's transaction could not be set to read at READ COMMITTED; import pages whose records share keys "
                    + "with the page before start after its commit instead (slower, as correct)");
        }
        return false;
    }

    @Override
    public void advance(String object, Watermark to) {
        update("INSERT INTO sync_watermarks (object, modstamp, last_id, updated_at) VALUES (?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE modstamp = VALUE(modstamp), last_id = VALUE(last_id), updated_at = VALUE(updated_at)",
                object, Timestamp.from(to.systemModstamp()), to.id(), Timestamp.from(Instant.now()));
    }

    @Override
    public void resetAll() {
        update("DELETE FROM sync_watermarks");
    }

    @Override
    public Org org() {
        return query("SELECT linked_org_id, connected_org_id, noticed_at FROM sync_org WHERE id = 1",
                rs -> rs.next() ? new Org(rs.getString(1), rs.getString(2), Sql.instant(rs.getTimestamp(3))) : new Org(null, null, null));
    }

    @Override
    public void orgConnected(String orgId) {
        // MariaDB assigns left to right: noticed_at compares with connected_org_id before it changes
        update("UPDATE sync_org SET noticed_at = CASE WHEN connected_org_id <=> ? THEN noticed_at ELSE ? END, connected_org_id = ?, "
                + "linked_org_id = COALESCE(linked_org_id, ?) WHERE id = 1", orgId, Timestamp.from(Instant.now()), orgId, orgId);
    }

    @Override
    public void orgAdopted(String orgId) {
        update("UPDATE sync_org SET linked_org_id = ?, connected_org_id = ?, noticed_at = ? WHERE id = 1", orgId, orgId,
                Timestamp.from(Instant.now()));
    }

    @Override
    public ImportStatus importStatus() {
        return query("SELECT status, execution_id, total, done, message, started_at, finished_at, launched_at FROM sync_import "
                + "WHERE id = 1", rs -> {
            rs.next();
            long execution = rs.getLong(2);
            return new ImportStatus(rs.getString(1), rs.wasNull() ? null : execution, rs.getLong(3), rs.getLong(4),
                    rs.getString(5), Sql.instant(rs.getTimestamp(6)), Sql.instant(rs.getTimestamp(7)), Sql.instant(rs.getTimestamp(8)));
        });
    }

    @Override
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
     * The job repository's tables are Payara's, with the default prefix our boot commands keep; should
     * they differ, the marks are skipped.
     */
    @Override
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

    @Override
    public void importExecution(long executionId) {
        update("UPDATE sync_import SET execution_id = ? WHERE id = 1", executionId);
    }

    @Override
    public void importRunning(long executionId) {
        update("UPDATE sync_import SET status = 'RUNNING', execution_id = ?, message = NULL, finished_at = NULL, launched_at = NULL "
                + "WHERE id = 1", executionId);
    }

    @Override
    public void importTotal(long total) {
        update("UPDATE sync_import SET total = ? WHERE id = 1", total);
    }

    @Override
    public void importProgress(long records) {
        update("UPDATE sync_import SET done = done + ? WHERE id = 1", records);
    }

    @Override
    public void importEnded(String status, String message) {
        update("UPDATE sync_import SET status = ?, message = ?, finished_at = ?, launched_at = NULL WHERE id = 1",
                status, message == null ? null : message.substring(0, Math.min(message.length(), 1000)), Timestamp.from(Instant.now()));
    }

    @Override
    public void importCompleted() {
        update("UPDATE sync_import SET message = CASE WHEN done < total THEN CONCAT(total - done, ' of the records counted at the start "
                + "changed or were deleted while the import ran; the poll takes them') END, total = LEAST(total, done), "
                + "status = 'COMPLETED', finished_at = ?, launched_at = NULL WHERE id = 1", Timestamp.from(Instant.now()));
    }

    private <T> T query(String sql, Sql.Reading<T> reading) {
        return Sql.query(dataSource, "Reading the inbound state", sql, java.util.List.of(), reading);
    }

    private void update(String sql, Object... args) {
        Sql.update(dataSource, "Writing the inbound state", sql, args);
    }
}
