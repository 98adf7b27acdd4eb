package io.tandem.infrastructure.salesforce;

import io.tandem.domain.service.SalesforceRecord;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce's two wire shapes of a record, REST JSON and Bulk CSV, read into a {@link SalesforceRecord}:
 * its stamps, deletion and merge, and the requested fields (parent paths like {@code Account.Name} too).
 */
final class SalesforceRecords {

    /** The last timestamp parsed (immutable, so threads share it without locks). */
    private static volatile Parsed lastParsed;
    private static final DateTimeFormatter SF_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendPattern("XX").optionalEnd().optionalStart().appendPattern("XXX").optionalEnd().toFormatter();

    private SalesforceRecords() {
    }

    static SalesforceRecord fromJson(String object, JsonObject o, List<String> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String f : fields) {
            values.put(f, value(o, f));
        }
        Object master = o.containsKey("MasterRecordId") ? value(o, "MasterRecordId") : null;
        return new SalesforceRecord(object, o.getString("Id"), time(o, "SystemModstamp"), time(o, "LastModifiedDate"),
                o.getBoolean("IsDeleted", false), (String) master, values);
    }

    /** The columns {@link #fromCsv} reads besides the fields asked for, after them. */
    static final List<String> CSV_STAMPS = List.of("Id", "SystemModstamp", "LastModifiedDate", "IsDeleted", "MasterRecordId");

    /** Where a page of results holds each of a read's fields, then each of {@link #CSV_STAMPS}: {@link #fromCsv}'s columns. */
    static int[] csvColumns(BulkRows rows, RowFields.Names names) {
        List<String> named = names.names;
        int[] columns = new int[named.size() + CSV_STAMPS.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = rows.column(i < named.size() ? named.get(i) : CSV_STAMPS.get(i - named.size()));
        }
        return columns;
    }

    /**
     * A record from a row of Bulk API CSV, where every value is text and an empty cell is null; {@code columns} are
     * the columns of {@code names} then of {@link #CSV_STAMPS} ({@link BulkRows#column}, -1 where absent).
     */
    static SalesforceRecord fromCsv(String object, BulkRows rows, int row, RowFields.Names names, int[] columns) {
        int n = names.names.size();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            values[i] = rows.cell(row, columns[i]);
        }
        return new SalesforceRecord(object, rows.cell(row, columns[n]), time(rows.cell(row, columns[n + 1])),
                time(rows.cell(row, columns[n + 2])), "true".equalsIgnoreCase(rows.cell(row, columns[n + 3])),
                rows.cell(row, columns[n + 4]), new RowFields(names, values));
    }

    /** A field's value, following {@code Parent.Field} into nested parent objects. */
    private static Object value(JsonObject o, String path) {
        JsonValue v = o;
        for (String part : path.split("\\.")) {
            if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            v = v.asJsonObject().get(part);
        }
        if (v == null) {
            return null;
        }
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Instant time(JsonObject o, String field) {
        return o.isNull(field) ? null : time(o.getString(field));
    }

    static Instant time(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        // records come in SystemModstamp order, many to a second, and LastModifiedDate mostly equals it:
        // the last text parsed is the next one asked far more often than not
        Parsed last = lastParsed;
        if (last != null && last.text().equals(text)) {
            return last.at();
        }
        Instant at = parse(text);
        lastParsed = new Parsed(text, at);
        return at;
    }

    private static Instant parse(String text) {
        // Salesforce's own shape, UTC as Z or +0000, read digit by digit; anything else the general way
        Instant utc = utc(text);
        return utc != null ? utc : OffsetDateTime.parse(text, SF_TIME).toInstant();
    }

    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|+0000)}, as Salesforce writes every timestamp, without the general
     * parser's work (a tenth of reading a Bulk result went to it); null for any other shape.
     */
    static Instant utc(String t) {
        int end = t.endsWith("Z") ? t.length() - 1 : t.endsWith("+0000") ? t.length() - 5 : -1;
        if (end < 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (end > 19) {
            int places = end - 20;
            if (t.charAt(19) != '.' || places < 1 || places > 9) {
                return null;
            }
            int fraction = digits(t, 20, places);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * SCALE[places];
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The number written in {@code length} digits from {@code at}; -1 if any is not a digit. */
    private static int digits(String t, int at, int length) {
        int n = 0;
        for (int i = at; i < at + length; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A timestamp's text and its instant. */
    private record Parsed(String text, Instant at) {
    }
}
