package io.tandem.infrastructure.persistence.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

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
    private final Tsv text;
    private int rows;

    public LoadDataInsert(Connection connection, String table, String... columns) {
        this(connection, 1 << 16, table, columns);
    }

    /** With room for {@code expectedBytes} of text from the start (a page's rows grew it five times, copying each time). */
    public LoadDataInsert(Connection connection, int expectedBytes, String table, String... columns) {
        this.text = new Tsv(expectedBytes);
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
                text.put('\t');
            }
            text.field(values[i]);
        }
        text.put('\n');
        rows++;
    }

    /** Sends the rows added; fails unless every one went in without a warning. */
    public void finish() throws SQLException {
        if (rows == 0) {
            return;
        }
        try (Statement traced = connection.createStatement()) {
            org.mariadb.jdbc.Statement s = traced.unwrap(org.mariadb.jdbc.Statement.class);
            s.setLocalInfileInputStream(text.stream());
            long inserted = s.executeLargeUpdate(sql);
            SQLWarning warning = s.getWarnings();
            if (inserted != rows || warning != null) {
                throw new SQLException(inserted + " of " + rows + " rows went in" + (warning == null ? "" : ": " + warning.getMessage()),
                        "23000");
            }
        } finally {
            text.clear();
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
        text.clear();
        rows = 0;
    }

    /** Values as LOAD DATA reads them, one after the other in one text, as text (for tests). */
    static String field(Object... values) {
        Tsv text = new Tsv(64);
        for (Object v : values) {
            text.field(v);
        }
        return new String(text.bytes, 0, text.length, StandardCharsets.UTF_8);
    }

    /**
     * The rows' text, written straight into UTF-8 bytes: through a {@code StringBuilder} a page's text was copied
     * three times (and held as UTF-16 from its first non-Latin character on), which cost more than the rest of the
     * insert on Tandem's side.
     */
    private static final class Tsv {

        private byte[] bytes;
        private int length;

        Tsv(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        /** A value: {@code \N} for null, 1/0 for booleans, instants as DATETIME text, text escaped. */
        void field(Object v) {
            if (v instanceof String s) {
                escaped(s);
            } else if (v == null) {
                put('\\');
                put('N');
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
                number(((Number) v).longValue());
            } else if (v instanceof Boolean b) {
                put(b ? '1' : '0');
            } else if (v instanceof Instant t) {
                dateTime(t);
            } else if (v instanceof Timestamp t) {
                dateTime(t.toInstant());
            } else if (v instanceof BigDecimal d) {
                ascii(d.toPlainString());
            } else {
                escaped(v.toString());
            }
        }

        void put(char c) {
            room(1);
            bytes[length++] = (byte) c;
        }

        /** Its digits, written in place (a page's ids and versions were a {@code String} each); int arithmetic where it fits. */
        private void number(long v) {
            if (v < 0) {
                ascii(Long.toString(v));
                return;
            }
            int digits = digits(v);
            room(digits);
            int at = length + digits - 1;
            if (v <= Integer.MAX_VALUE) {
                for (int rest = (int) v; at >= length; at--) {
                    bytes[at] = (byte) ('0' + rest % 10);
                    rest /= 10;
                }
            } else {
                for (long rest = v; at >= length; at--) {
                    bytes[at] = (byte) ('0' + rest % 10);
                    rest /= 10;
                }
            }
            length += digits;
        }

        /** How many digits a number of zero or more has: compared with the powers of ten, not divided. */
        private static int digits(long v) {
            int digits = 1;
            while (digits < POWERS_OF_TEN.length && v >= POWERS_OF_TEN[digits]) {
                digits++;
            }
            return digits;
        }

        private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
                1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
                1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

        /** The DATETIME text, written in place. */
        private void dateTime(Instant t) {
            room(MultiRowInsert.DATETIME_LENGTH);
            MultiRowInsert.dateTime(t, bytes, length);
            length += MultiRowInsert.DATETIME_LENGTH;
        }

        private void ascii(String s) {
            room(s.length());
            for (int i = 0, n = s.length(); i < n; i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        /** The text in UTF-8, the separators and the escape character escaped; an unpaired surrogate as {@code ?}. */
        private void escaped(String s) {
            int n = s.length();
            room(3 * n);
            byte[] b = bytes;
            int at = length;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> at = pair(b, at, '\\');
                        case '\t' -> at = pair(b, at, 't');
                        case '\n' -> at = pair(b, at, 'n');
                        case '\r' -> at = pair(b, at, 'r');
                        case '\0' -> at = pair(b, at, '0');
                        default -> b[at++] = (byte) c;
                    }
                } else if (c < 0x800) {
                    b[at++] = (byte) (0xC0 | c >> 6);
                    b[at++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    b[at++] = (byte) (0xE0 | c >> 12);
                    b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[at++] = (byte) (0xF0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[at++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    b[at++] = '?';
                }
            }
            length = at;
        }

        private static int pair(byte[] b, int at, char escaped) {
            b[at] = '\\';
            b[at + 1] = (byte) escaped;
            return at + 2;
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }

        InputStream stream() {
            return new ByteArrayInputStream(bytes, 0, length);
        }

        void clear() {
            length = 0;
        }
    }
}
