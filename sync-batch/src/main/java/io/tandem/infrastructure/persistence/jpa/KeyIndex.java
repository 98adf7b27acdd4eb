package io.tandem.infrastructure.persistence.jpa;

import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a unique key's index straight through JDBC: which of these keys exist and the ids of their rows,
 * without building an entity. A page of the import asks this of thousands of keys and finds few or none
 * (a new record) or needs only the id (the company of an Account), so JPA's objects would be built for
 * nothing. On the transaction's own pool: inside a transaction it is JPA's connection and sees its writes.
 */
final class KeyIndex {

    private KeyIndex() {
    }

    /** Key to row id, for the keys that exist; {@code table} and {@code column} are the callers' constants. */
    static Map<String, Long> ids(DataSource pool, String table, String column, Collection<String> keys) {
        Map<String, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String sql = "SELECT " + column + ", id FROM " + table + " WHERE " + column + " IN (?" + ", ?".repeat(keys.size() - 1) + ")";
        try (Connection c = pool.getConnection(); PreparedStatement traced = c.prepareStatement(sql)) {
            // bound past the pool's tracing wrapper, which records every call made on it (see MultiRowInsert)
            PreparedStatement ps = traced.unwrap(PreparedStatement.class);
            int i = 1;
            for (String key : keys) {
                ps.setString(i++, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getLong(2));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new PersistenceException("Reading " + table + "." + column + " failed: " + e.getMessage(), e);
        }
    }
}
