package io.tandem.sync.log;

import io.tandem.domain.shared.JsonText;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import io.tandem.infrastructure.persistence.jdbc.MultiRowInsert;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one sync log entry and the outcome of each of its records, on the transaction's connection,
 * so a batch and its log commit together; the records go in batched inserts.
 */
@ApplicationScoped
public class SyncLogWriter {

    private static final String ENTRY = "INSERT INTO sync_logs (direction, object, trigger_by, started_at, duration_ms, status, "
            + "created, updated, unchanged, skipped, failed, conflicts, api_calls, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A batch as the log shows it. */
    public record Entry(String direction, String object, String trigger, Instant startedAt, String status, int apiCalls,
                        String message) {
    }

    /** The counts of a batch, by outcome. */
    public record Counts(int created, int updated, int unchanged, int skipped, int failed, int conflicts) {

        public static Counts of(List<RecordOutcome> outcomes) {
            Map<RecordOutcome.Outcome, Integer> n = new EnumMap<>(RecordOutcome.Outcome.class);
            int conflicts = 0;
            for (RecordOutcome o : outcomes) {
                n.merge(o.outcome(), 1, Integer::sum);
                if (o.detail().containsKey("conflicts")) {
                    conflicts++;
                }
            }
            return new Counts(n.getOrDefault(RecordOutcome.Outcome.CREATED, 0),
                    n.getOrDefault(RecordOutcome.Outcome.UPDATED, 0) + n.getOrDefault(RecordOutcome.Outcome.DELETED, 0),
                    n.getOrDefault(RecordOutcome.Outcome.UNCHANGED, 0), n.getOrDefault(RecordOutcome.Outcome.SKIPPED, 0),
                    n.getOrDefault(RecordOutcome.Outcome.FAILED, 0), conflicts);
        }
    }

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    /** Writes the entry and its records; answers the entry's id. */
    public long write(Entry entry, List<RecordOutcome> outcomes) {
        Counts counts = Counts.of(outcomes);
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement(ENTRY, Statement.RETURN_GENERATED_KEYS)) {
                int i = 1;
                ps.setString(i++, entry.direction());
                ps.setString(i++, entry.object());
                ps.setString(i++, entry.trigger());
                ps.setTimestamp(i++, Timestamp.from(entry.startedAt()));
                ps.setLong(i++, Duration.between(entry.startedAt(), Instant.now()).toMillis());
                ps.setString(i++, entry.status());
                ps.setInt(i++, counts.created());
                ps.setInt(i++, counts.updated());
                ps.setInt(i++, counts.unchanged());
                ps.setInt(i++, counts.skipped());
                ps.setInt(i++, counts.failed());
                ps.setInt(i++, counts.conflicts());
                ps.setInt(i++, entry.apiCalls());
                ps.setString(i, entry.message() == null ? null : truncate(entry.message(), 1000));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (!outcomes.isEmpty()) {
                try (MultiRowInsert rows = new MultiRowInsert(c, "sync_log_records", "log_id", "sf_id", "contact_id", "company_id",
                        "outcome", "reason", "detail")) {
                    for (RecordOutcome o : outcomes) {
                        rows.add(id, o.salesforceId(), o.contactId(), o.companyId(), o.outcome().name(),
                                o.reason() == null ? null : truncate(o.reason(), 500),
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

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
