package io.tandem.testing;

import io.tandem.launcher.DatabaseTarget;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the real database behind the server under test, to check what a call stored. */
public final class Database {

    private final DatabaseTarget target;

    Database(DatabaseTarget target) {
        this.target = target;
    }

    public List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long count(String sql, Object... args) {
        List<Map<String, Object>> rows = query(sql, args);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    /** Waits until the drain has linked the contact to a Salesforce record; answers that record's id. */
    public String awaitLinked(long contactId, java.time.Duration within) {
        return (String) Eventually.await(within, () -> query("SELECT sf_id FROM contacts WHERE id = ?", contactId).get(0).get("sf_id"),
                v -> v != null);
    }

    public int execute(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public List<String> tables() {
        return query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE()")
                .stream().map(r -> (String) r.get("t")).toList();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
