package io.tandem.interfaces.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Ready only while the database answers and the schema migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection();
             var rs = c.createStatement().executeQuery("SELECT MAX(version) FROM flyway_schema_history WHERE success")) {
            String version = rs.next() ? rs.getString(1) : null;
            return HealthCheckResponse.named("database").status(version != null)
                    .withData("schemaVersion", String.valueOf(version)).build();
        } catch (SQLException e) {
            // the probe is open to anyone: the driver's text (hosts, accounts) goes to the log, not the answer
            LOG.log(Level.WARNING, "Readiness: the database does not answer", e);
            return HealthCheckResponse.named("database").down().withData("error", "the database does not answer; see the server log")
                    .build();
        }
    }
}
