package io.tandem.emulator.org;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns JSON values into stored values for a field, with Salesforce's checks and messages: lengths,
 * email format, restricted picklists, number, date and id formats, references that must exist.
 */
public final class FieldValues {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private FieldValues() {
    }

    public static Object coerce(Org org, FieldDef f, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty() && f.type() != FieldType.STRING && f.type() != FieldType.TEXTAREA)) {
            return null;
        }
        return switch (f.type()) {
            case STRING, TEXTAREA, PHONE, URL -> text(f, value);
            case EMAIL -> email(f, value);
            case PICKLIST -> picklist(f, value);
            case BOOLEAN -> bool(f, value);
            case INT -> integer(f, value);
            case DOUBLE, CURRENCY, PERCENT -> inRange(f, number(f, value)).doubleValue();
            case DATE -> date(f, value);
            case DATETIME -> dateTime(f, value);
            case ID, REFERENCE -> reference(org, f, value);
        };
    }

    private static String text(FieldDef f, Object value) {
        String s = value instanceof String str ? str : String.valueOf(value instanceof BigDecimal d ? d.toPlainString() : value);
        if (s.length() > f.length()) {
            throw SalesforceError.badRequest("STRING_TOO_LONG", f.label() + ": data value too large: "
                    + abbreviate(s) + " (max length=" + f.length() + ")", f.name());
        }
        return s;
    }

    private static String email(FieldDef f, Object value) {
        String s = text(f, value);
        if (!EMAIL.matcher(s).matches()) {
            throw SalesforceError.badRequest("INVALID_EMAIL_ADDRESS", f.label() + ": invalid email address: " + s, f.name());
        }
        return s;
    }

    private static String picklist(FieldDef f, Object value) {
        String s = text(f, value);
        if (f.restricted() && !f.picklist().contains(s)) {
            throw restrictedPicklist(f.label(), f.name(), s);
        }
        return s;
    }

    public static SalesforceError restrictedPicklist(String label, String field, String value) {
        return SalesforceError.badRequest("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                label + ": bad value for restricted picklist field: " + value, field);
    }

    private static Boolean bool(FieldDef f, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s);
        }
        throw wrongType(f, value);
    }

    private static Integer integer(FieldDef f, Object value) {
        BigDecimal d = number(f, value);
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw wrongType(f, value);
        }
    }

    /** Salesforce keeps {@code precision - scale} digits before the point and refuses a value with more. */
    private static BigDecimal inRange(FieldDef f, BigDecimal d) {
        int whole = d.precision() - d.scale();
        if (f.precision() > 0 && whole > f.precision() - f.scale()) {
            throw SalesforceError.badRequest("NUMBER_OUTSIDE_VALID_RANGE", f.label() + ": value outside of valid range on numeric field: "
                    + d.toPlainString(), f.name());
        }
        return d;
    }

    private static BigDecimal number(FieldDef f, Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(f, value);
            }
        }
        throw wrongType(f, value);
    }

    private static LocalDate date(FieldDef f, Object value) {
        LocalDate d = value instanceof String s ? SfTime.parseDate(s.length() > 10 ? s.substring(0, 10) : s) : null;
        if (d == null) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR",
                    "Cannot deserialize instance of date from VALUE_STRING value " + value + " or request may be missing a required field", f.name());
        }
        return d;
    }

    private static Long dateTime(FieldDef f, Object value) {
        Long t = value instanceof String s ? SfTime.parse(s) : null;
        if (t == null) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR",
                    "Cannot deserialize instance of datetime from VALUE_STRING value " + value + " or request may be missing a required field", f.name());
        }
        return t;
    }

    private static String reference(Org org, FieldDef f, Object value) {
        String raw = String.valueOf(value);
        String id = Ids.normalize(raw);
        if (id == null || !hasTargetPrefix(org, f, id)) {
            throw SalesforceError.badRequest("MALFORMED_ID", f.label().replaceAll(" Id$", "") + " ID: id value of incorrect type: " + raw, f.name());
        }
        Record target = org.find(id);
        if (target == null || target.isDeleted()) {
            throw SalesforceError.badRequest("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", f.name());
        }
        return id;
    }

    private static boolean hasTargetPrefix(Org org, FieldDef f, String id) {
        ObjectDef type = org.schema().byPrefix(id);
        if (type == null) {
            return false;
        }
        List<String> targets = f.referenceTo();
        return targets.isEmpty() || targets.stream().anyMatch(t -> t.equalsIgnoreCase(type.name()));
    }

    private static SalesforceError wrongType(FieldDef f, Object value) {
        return SalesforceError.badRequest("INVALID_TYPE_ON_FIELD_IN_RECORD",
                f.label() + ": value not of required type: " + value, f.name());
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
