package io.tandem.infrastructure.persistence.jpa;

import io.tandem.domain.shared.JsonText;
import io.tandem.infrastructure.persistence.jdbc.BinaryStatements;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a unique key's index straight through JDBC: which of these keys exist and the ids of their rows,
 * without building an entity. A page of the import asks this of thousands of keys and finds few or none
 * (a new record) or needs only the id (the company of an Account), so JPA's objects would be built for
 * nothing. On the transaction's own pool: inside a transaction it is JPA's connection and sees its writes.
 * <p>
 * The keys go as one JSON array, joined to the index through {@code JSON_TABLE}: an {@code IN} list of 2,000
 * values cost MariaDB more to parse and to plan (a range per value, sorted in the column's collation) than to
 * look the keys up, a fifth of its CPU during an import (BENCHMARKS.md). The join compares in the column's own
 * collation, so each key is one read of the unique index.
 */
final class KeyIndex {

    /** Longer keys match no row of the key columns (all far shorter) and are left out of the array. */
    private static final int LONGEST = 1024;
    private static final Map<String, String> LOOKUPS = new ConcurrentHashMap<>();

    private KeyIndex() {
    }

    /** Key to row id, for the keys that exist; {@code table} and {@code column} are the callers' constants. */
    static Map<String, Long> ids(DataSource pool, String table, String column, Collection<String> keys) {
        Map<String, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        StringBuilder json = new StringBuilder(24 * keys.size()).append('[');
        for (String key : keys) {
            if (key.length() <= LONGEST) {
                if (json.length() > 1) {
                    json.append(',');
                }
                JsonText.appendString(json, key);
            }
        }
        json.append(']');
        try (Connection c = pool.getConnection(); PreparedStatement ps = BinaryStatements.prepare(c, lookup(c, table, column))) {
            ps.setString(1, json.toString());
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

    /** The lookup of one key column, in the column's character set and collation (read once from the schema). */
    private static String lookup(Connection c, String table, String column) throws SQLException {
        String known = LOOKUPS.get(table + "." + column);
        if (known != null) {
            return known;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(2) == null) {
                    throw new SQLException("no text column " + table + "." + column);
                }
                String sql = "SELECT t." + column + ", t.id FROM JSON_TABLE(?, '$[*]' COLUMNS (k VARCHAR(" + LONGEST + ") PATH '$')) j JOIN "
                        + table + " t ON t." + column + " = CONVERT(j.k USING " + rs.getString(1) + ") COLLATE " + rs.getString(2);
                LOOKUPS.put(table + "." + column, sql);
                return sql;
            }
        }
    }
}
