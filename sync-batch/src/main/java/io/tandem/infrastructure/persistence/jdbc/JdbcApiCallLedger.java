package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.model.sync.ApiCallLedger;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** API calls per minute in {@code api_usage}: every instance adds to the same minute's row. */
@ApplicationScoped
public class JdbcApiCallLedger implements ApiCallLedger {

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    @Override
    public void record(int calls) {
        if (calls > 0) {
            Sql.update(dataSource, "Counting API calls", "INSERT INTO api_usage (minute, calls) VALUES (?, ?) "
                    + "ON DUPLICATE KEY UPDATE calls = calls + VALUE(calls)", Instant.now().truncatedTo(ChronoUnit.MINUTES), calls);
        }
    }

    @Override
    public long usedSince(Instant from) {
        return Sql.query(dataSource, "Reading API calls", "SELECT COALESCE(SUM(calls), 0) FROM api_usage WHERE minute > ?",
                List.of(from), rs -> {
                    rs.next();
                    return rs.getLong(1);
                });
    }
}
