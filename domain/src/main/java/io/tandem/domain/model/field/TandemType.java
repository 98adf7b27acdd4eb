package io.tandem.domain.model.field;

import java.util.Locale;

/**
 * The kind of value a Tandem field holds, as a mapping compares it with a Salesforce field's type:
 * text, number, date, boolean or picklist (custom fields have theirs; the standard fields are text,
 * the lead score a number).
 */
public enum TandemType {
    TEXT, NUMBER, DATE, BOOLEAN, PICKLIST;

    public static TandemType of(CustomFieldType type) {
        return valueOf(type.name());
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a Salesforce field of this describe type can hold this kind of value and give it back. */
    public boolean fits(String salesforceType) {
        String t = salesforceType == null ? "" : salesforceType.toLowerCase(Locale.ROOT);
        return switch (this) {
            case TEXT -> t.equals("string") || t.equals("textarea") || t.equals("email") || t.equals("phone") || t.equals("url")
                    || t.equals("picklist");
            case NUMBER -> t.equals("double") || t.equals("currency") || t.equals("percent") || t.equals("int");
            case DATE -> t.equals("date");
            case BOOLEAN -> t.equals("boolean");
            case PICKLIST -> t.equals("picklist") || t.equals("multipicklist");
        };
    }

    /** The Salesforce types this kind fits, for a refusal to name them. */
    public String fitting() {
        return switch (this) {
            case TEXT -> "string, textarea, email, phone, url or picklist";
            case NUMBER -> "double, currency, percent or int";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            case PICKLIST -> "picklist or multipicklist";
        };
    }
}
