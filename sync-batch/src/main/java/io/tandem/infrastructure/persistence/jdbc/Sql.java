package io.tandem.infrastructure.persistence.jdbc;

import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The few JDBC moves the adapters share: a statement with bound arguments (instants as timestamps),
 * run on a connection of the given pool, with SQL errors turned into JPA's {@link PersistenceException}
 * so callers and batch retries treat both alike.
 */
final class Sql {

    /** Reads a result set into a value. */
    interface Reading<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    static int update(DataSource pool, String what, String sql, Object... args) {
        try (Connection c = pool.getConnection()) {
            return update(c, sql, args);
        } catch (SQLException e) {
            throw new PersistenceException(what + " failed: " + e.getMessage(), e);
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, Arrays.asList(args))) {
            return ps.executeUpdate();
        }
    }

    static <T> T query(DataSource pool, String what, String sql, List<?> args, Reading<T> reading) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return reading.read(rs);
        } catch (SQLException e) {
            throw new PersistenceException(what + " failed: " + e.getMessage(), e);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<?> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            ps.setObject(i + 1, a instanceof Instant t ? Timestamp.from(t) : a);
        }
        return ps;
    }

    /** An IN list of numbers (ids only, never text, so nothing to escape). */
    static String in(Collection<Long> ids) {
        StringBuilder sb = new StringBuilder("(");
        for (Long id : ids) {
            sb.append(sb.length() == 1 ? "" : ",").append(id.longValue());
        }
        return sb.append(")").toString();
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
