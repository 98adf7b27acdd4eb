package io.tandem.infrastructure.persistence.jdbc;

import io.tandem.domain.service.ClusterLocks;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * MariaDB named locks ({@code GET_LOCK}): each held by a connection of its own from the non-transactional
 * pool, seen by every instance on the database, and freed by MariaDB when the holding connection ends,
 * so a killed server leaves none behind.
 */
@ApplicationScoped
public class JdbcClusterLocks implements ClusterLocks {

    private static final Logger LOG = Logger.getLogger(JdbcClusterLocks.class.getName());

    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource nontx;

    @Override
    public Optional<Held> acquire(String name, Duration wait) {
        Connection c = null;
        try {
            c = nontx.getConnection();
            if (isOne(c, "SELECT GET_LOCK(?, ?)", name, (int) wait.toSeconds())) {
                Connection holder = c;
                return Optional.of(() -> release(holder, name));
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            if (c != null) {
                release(c, name);
            }
            throw new PersistenceException("Taking the lock " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isHeld(String name) {
        try (Connection c = nontx.getConnection()) {
            return isOne(c, "SELECT IS_USED_LOCK(?) IS NOT NULL", name);
        } catch (SQLException e) {
            throw new PersistenceException("Reading the lock " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Frees the lock and its connection (closing the connection alone would free it too). */
    private static void release(Connection holder, String name) {
        try (holder) {
            Sql.update(holder, "DO RELEASE_LOCK(?)", name);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Releasing the lock " + name + " failed; it went with its connection", e);
        }
    }

    private static boolean isOne(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, sql, java.util.Arrays.asList(args)); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
