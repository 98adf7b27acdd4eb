package io.tandem.infrastructure.persistence.jdbc;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Inserts many rows in one {@code LOAD DATA LOCAL INFILE} statement, the rows streamed from memory as
 * tab-separated text (no file is written or read): MariaDB's cheapest way in for a page of new rows,
 * with neither a statement to parse per few hundred rows nor a bound value to decode per column.
 * <p>
 * With {@code LOCAL} the server cannot stop the client mid-stream, so it skips a row it cannot take (a
 * duplicate key, a value out of range) with a warning instead of failing. Such a row is no less a
 * failure here: {@link #finish} fails when fewer rows went in than were sent or when the server warned,
 * naming the first warning, and the caller's transaction rolls back as it would after a failed INSERT.
 */
public final class LoadDataInsert implements AutoCloseable {

    private final Connection connection;
    private final String sql;
    private final int width;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    public LoadDataInsert(Connection connection, String table, String... columns) {
        this.connection = connection;
        this.width = columns.length;
        this.sql = "LOAD DATA LOCAL INFILE 'tandem-rows.tsv' INTO TABLE " + table + " CHARACTER SET utf8mb4"
                + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + String.join(", ", columns) + ")";
    }

    public void add(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            field(text, values[i]);
        }
        text.append('\n');
        rows++;
    }

    /** Sends the rows added; fails unless every one went in without a warning. */
    public void finish() throws SQLException {
        if (rows == 0) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (Statement traced = connection.createStatement()) {
            org.mariadb.jdbc.Statement s = traced.unwrap(org.mariadb.jdbc.Statement.class);
            s.setLocalInfileInputStream(new ByteArrayInputStream(bytes));
            long inserted = s.executeLargeUpdate(sql);
            SQLWarning warning = s.getWarnings();
            if (inserted != rows || warning != null) {
                throw new SQLException(inserted + " of " + rows + " rows went in" + (warning == null ? "" : ": " + warning.getMessage()),
                        "23000");
            }
        } finally {
            text.setLength(0);
            rows = 0;
        }
    }

    /**
     * Whether the failure says LOAD DATA LOCAL is not allowed here (the server's {@code local_infile} off, as
     * on some managed services, or the driver's {@code allowLocalInfile=false}) rather than that a row failed.
     */
    public static boolean isRefusal(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return e.getErrorCode() == 1148 || e.getErrorCode() == 4166 || message.contains("local infile") || message.contains("local_infile")
                || message.contains("not allowed with this");
    }

    @Override
    public void close() {
        text.setLength(0);
        rows = 0;
    }

    /** One value as LOAD DATA reads it: {@code \N} for null, 1/0 for booleans, instants as DATETIME text, text escaped. */
    static void field(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof String s) {
            escaped(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b ? '1' : '0');
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            out.append(v);
        } else if (v instanceof Instant t) {
            out.append(MultiRowInsert.dateTime(t));
        } else if (v instanceof Timestamp t) {
            out.append(MultiRowInsert.dateTime(t.toInstant()));
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else {
            escaped(out, v.toString());
        }
    }

    private static void escaped(StringBuilder out, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }
}
