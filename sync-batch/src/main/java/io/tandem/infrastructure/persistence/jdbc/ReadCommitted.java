package io.tandem.infrastructure.persistence.jdbc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the caller's transaction read at READ COMMITTED, each read seeing what others committed up to
 * it, instead of MariaDB's REPEATABLE READ snapshot taken at the first read. It must be asked before the
 * transaction has read or written anything; later, MariaDB refuses and the transaction keeps its level.
 */
@ApplicationScoped
public class ReadCommitted {

    private static final Logger LOG = Logger.getLogger(ReadCommitted.class.getName());

    @Resource(lookup = "jdbc/tandem")
    DataSource dataSource;

    /** For the JTA transaction in progress; answers whether it now reads at READ COMMITTED. */
    public boolean forThisTransaction() {
        try (Connection c = dataSource.getConnection()) {
            return set(c);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "No connection to set the isolation on: {0}", e.getMessage());
            return false;
        }
    }

    /** For the next transaction on this connection (the one about to begin); answers whether MariaDB took it. */
    static boolean set(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            return true;
        } catch (SQLException e) {
            LOG.log(Level.FINE, "The transaction reads at its own level: {0}", e.getMessage());
            return false;
        }
    }
}
