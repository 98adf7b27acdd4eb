package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.sync.SyncHistory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The queue's samples and the API calls per minute (api_usage), summed up by hour in the database. */
@ApplicationScoped
public class JdbcSyncHistory implements SyncHistory {

    private static final String HOUR = "DATE_FORMAT(minute, '%Y-%m-%d %H:00:00')";

    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource nontx;

    @Override
    public void sampleQueue(Instant minute, long queued) {
        Sql.update(nontx, "Sampling the queue", "INSERT INTO queue_samples (minute, queued) VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE queued = VALUE(queued)", minute.truncatedTo(ChronoUnit.MINUTES), queued);
    }

    @Override
    public List<Point> queuedPerHour(Instant from) {
        return perHour("SELECT " + HOUR + " AS h, MAX(queued) FROM queue_samples WHERE minute >= ? GROUP BY h ORDER BY h", from);
    }

    @Override
    public List<Point> callsPerHour(Instant from) {
        return perHour("SELECT " + HOUR + " AS h, SUM(calls) FROM api_usage WHERE minute >= ? GROUP BY h ORDER BY h", from);
    }

    @Override
    public void forgetBefore(Instant before) {
        Sql.update(nontx, "Forgetting old queue samples", "DELETE FROM queue_samples WHERE minute < ?", before);
    }

    private List<Point> perHour(String sql, Instant from) {
        return Sql.query(nontx, "Reading the sync history", sql, List.of(from), rs -> {
            List<Point> points = new ArrayList<>();
            while (rs.next()) {
                points.add(new Point(java.sql.Timestamp.valueOf(rs.getString(1)).toInstant(), rs.getLong(2)));
            }
            return points;
        });
    }
}
