package io.tandem.sync.inbound;

import io.tandem.infrastructure.persistence.jdbc.NamedLocks;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The running initial import holds a named lock on a connection of its own for as long as it runs, on
 * whichever instance runs it; so any instance can tell whether an import is alive, and a server killed
 * mid-import leaves no stale claim.
 */
@ApplicationScoped
public class ImportLock {

    private static final Logger LOG = Logger.getLogger(ImportLock.class.getName());
    private static final String NAME = "tandem.initial-import";

    @Resource(lookup = "jdbc/tandem-nontx")
    DataSource dataSource;

    /** The connection now holding the lock, or empty when another one holds it. */
    public Optional<Connection> acquire() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            if (NamedLocks.acquire(c, NAME, 0)) {
                return Optional.of(c);
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            release(c);
            throw new PersistenceException("Taking the import's lock failed: " + e.getMessage(), e);
        }
    }

    /** Frees the lock and its connection (closing the connection alone would free it too). */
    public void release(Connection holder) {
        if (holder == null) {
            return;
        }
        try (holder) {
            NamedLocks.release(holder, NAME);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Releasing the import's lock failed; it went with its connection", e);
        }
    }

    public boolean heldAnywhere() {
        try (Connection c = dataSource.getConnection()) {
            return NamedLocks.isHeld(c, NAME);
        } catch (SQLException e) {
            throw new PersistenceException("Reading the import's lock failed: " + e.getMessage(), e);
        }
    }
}
