package io.tandem.emulator.soql;

import io.tandem.emulator.org.FieldDef;
import io.tandem.emulator.org.FieldType;
import io.tandem.emulator.org.Ids;
import io.tandem.emulator.org.SalesforceError;
import io.tandem.emulator.org.SfTime;
import io.tandem.emulator.soql.Lexer.Kind;
import io.tandem.emulator.soql.Lexer.Token;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * SOQL literals in the type of the field they are compared with: unquoted date-times and dates (and
 * TODAY, LAST_N_DAYS:n…), numbers, booleans, ids, quoted text; a literal of the wrong kind is Salesforce's
 * INVALID_FIELD ("must be of type dateTime and should not be enclosed in quotes").
 */
final class SoqlLiterals {

    private final String soql;
    private final LocalDate today;

    SoqlLiterals(String soql, LocalDate today) {
        this.soql = soql;
        this.today = today;
    }

    Object convert(FieldDef f, Token t) {
        if (t.is("null")) {
            return null;
        }
        FieldType type = f.type();
        switch (type) {
            case DATETIME -> {
                if (t.kind() == Kind.DATETIME) {
                    Long v = SfTime.parse(t.text());
                    if (v == null) {
                        throw SoqlParser.error(soql, "INVALID_FIELD", t, "line 1:" + t.column() + " no viable alternative at character '" + t.text() + "'");
                    }
                    return v;
                }
                LocalDate d = relativeDate(t);
                if (d != null) {
                    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                }
                throw typeError(f, t, "dateTime");
            }
            case DATE -> {
                if (t.kind() == Kind.DATE) {
                    return LocalDate.parse(t.text());
                }
                LocalDate d = relativeDate(t);
                if (d != null) {
                    return d;
                }
                throw typeError(f, t, "date");
            }
            case BOOLEAN -> {
                if (t.is("true") || t.is("false")) {
                    return Boolean.valueOf(t.text().toLowerCase());
                }
                throw typeError(f, t, "boolean");
            }
            case INT, DOUBLE, CURRENCY, PERCENT -> {
                if (t.kind() == Kind.NUMBER) {
                    return Double.valueOf(t.text());
                }
                throw typeError(f, t, type.describeName());
            }
            case ID, REFERENCE -> {
                if (t.kind() != Kind.STRING) {
                    throw typeError(f, t, "reference");
                }
                String id = Ids.normalize(t.text());
                if (id == null) {
                    throw SalesforceError.badRequest("INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: " + t.text());
                }
                return id;
            }
            default -> {
                if (t.kind() != Kind.STRING) {
                    throw typeError(f, t, "string");
                }
                return t.text();
            }
        }
    }

    private LocalDate relativeDate(Token t) {
        if (t.kind() != Kind.WORD) {
            return null;
        }
        String w = t.text().toUpperCase();
        if (w.equals("TODAY")) {
            return today;
        }
        if (w.equals("YESTERDAY")) {
            return today.minusDays(1);
        }
        if (w.equals("TOMORROW")) {
            return today.plusDays(1);
        }
        if (w.startsWith("LAST_N_DAYS:")) {
            return today.minusDays(Long.parseLong(w.substring(12)));
        }
        if (w.startsWith("NEXT_N_DAYS:")) {
            return today.plusDays(Long.parseLong(w.substring(12)));
        }
        return null;
    }

    private SalesforceError typeError(FieldDef f, Token t, String expected) {
        String quoted = t.kind() == Kind.STRING ? " and should not be enclosed in quotes" : "";
        if (t.kind() == Kind.STRING && (expected.equals("string") || expected.equals("reference"))) {
            quoted = "";
        }
        return SoqlParser.error(soql, "INVALID_FIELD", t, "value of filter criterion for field '" + f.name() + "' must be of type "
                + expected + quoted);
    }

}
