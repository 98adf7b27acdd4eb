package io.tandem.infrastructure.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets a transaction read at READ COMMITTED, each read seeing what others committed up to it, instead of
 * MariaDB's REPEATABLE READ snapshot taken at the first read. It must be asked before the transaction has
 * read or written anything; later, MariaDB refuses and the transaction keeps its level.
 */
final class ReadCommitted {

    private static final Logger LOG = Logger.getLogger(ReadCommitted.class.getName());

    private ReadCommitted() {
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
