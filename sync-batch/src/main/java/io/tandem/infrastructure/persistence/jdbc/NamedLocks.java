package io.tandem.infrastructure.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * MariaDB named locks: held by one connection, shared by every instance on the database, and freed by
 * MariaDB when the holding connection ends (a killed server leaves none behind).
 */
public final class NamedLocks {

    private NamedLocks() {
    }

    /** Takes the lock on this connection, waiting up to the given seconds; answers whether it was taken. */
    public static boolean acquire(Connection c, String name, int waitSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name);
            ps.setInt(2, waitSeconds);
            return isOne(ps);
        }
    }

    public static void release(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DO RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.execute();
        }
    }

    /** Whether any connection, of any instance, holds the lock. */
    public static boolean isHeld(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT IS_USED_LOCK(?) IS NOT NULL")) {
            ps.setString(1, name);
            return isOne(ps);
        }
    }

    private static boolean isOne(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
