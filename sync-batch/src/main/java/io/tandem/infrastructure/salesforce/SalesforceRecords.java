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

    /** A record from a row of Bulk API CSV, where every value is text and an empty cell is null. */
    static SalesforceRecord fromCsv(String object, Map<String, Integer> columns, String[] row, List<String> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String f : fields) {
            values.put(f, cell(columns, row, f));
        }
        return new SalesforceRecord(object, cell(columns, row, "Id"), time(cell(columns, row, "SystemModstamp")),
                time(cell(columns, row, "LastModifiedDate")), "true".equalsIgnoreCase(cell(columns, row, "IsDeleted")),
                cell(columns, row, "MasterRecordId"), values);
    }

    private static String cell(Map<String, Integer> columns, String[] row, String name) {
        Integer i = columns.get(name);
        return i == null || i >= row.length ? null : emptyToNull(row[i]);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
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
        // the usual shapes, UTC as Z or +0000, parse fast; anything else the general way
        if (text.endsWith("Z")) {
            return Instant.parse(text);
        }
        if (text.endsWith("+0000")) {
            return Instant.parse(text.substring(0, text.length() - 5) + "Z");
        }
        return OffsetDateTime.parse(text, SF_TIME).toInstant();
    }

    /** A timestamp's text and its instant. */
    private record Parsed(String text, Instant at) {
    }
}
