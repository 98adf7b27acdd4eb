package io.tandem.infrastructure.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements prepared on the server and run by MariaDB's binary protocol, for the few that carry one large text
 * value on every page of an import: a page's keys as a JSON array, its packed sync log. The pool's statements
 * are prepared in the driver, which writes each value into the SQL text, escaped, for the server to lex and
 * unescape again: for those values the largest part of MariaDB's parsing (BENCHMARKS.md). Prepared here, the
 * value travels as its bytes, and the statement, prepared once a connection, stays in the driver's cache.
 * <p>
 * On the MariaDB driver only; on any other, or if it cannot, the statement is prepared as usual.
 */
public final class BinaryStatements {

    private BinaryStatements() {
    }

    public static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        org.mariadb.jdbc.Connection mariadb = mariadb(c);
        if (mariadb != null) {
            // the driver falls back to preparing it itself should the server refuse
            return mariadb.prepareInternal(sql, Statement.NO_GENERATED_KEYS, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, true);
        }
        return c.prepareStatement(sql);
    }

    /**
     * The driver's own connection under the pool's wrappers: the transaction's connection itself, enlisted with it.
     * Reached through a statement, as the pool's tracing proxy refuses to unwrap a connection to a class.
     */
    private static org.mariadb.jdbc.Connection mariadb(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.isWrapperFor(org.mariadb.jdbc.Statement.class) ? s.unwrap(org.mariadb.jdbc.Statement.class).getConnection() : null;
        }
    }
}
