package io.tandem.domain.model.field;

import io.tandem.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The types a custom field can have, each turning input into its stored form or refusing it. */
public enum CustomFieldType {
    TEXT, NUMBER, DATE, BOOLEAN, PICKLIST;

    public static final int MAX_TEXT = 255;

    public static CustomFieldType parse(String name) {
        for (CustomFieldType t : values()) {
            if (t.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return t;
            }
        }
        throw new InvalidValueException("type", "must be one of text, number, date, boolean, picklist");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stored value (String, BigDecimal, ISO date String, Boolean), or null for an empty input. */
    public Object normalize(String field, Object value, List<String> options) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        String text = value.toString().trim();
        return switch (this) {
            case TEXT -> {
                if (text.length() > MAX_TEXT) {
                    throw new InvalidValueException(field, "is longer than " + MAX_TEXT + " characters");
                }
                yield text;
            }
            case NUMBER -> {
                if (value instanceof Boolean) {
                    throw new InvalidValueException(field, "must be a number");
                }
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(field, "must be a number, was '" + text + "'");
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw new InvalidValueException(field, "must be a date as yyyy-mm-dd, was '" + text + "'");
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                String lower = text.toLowerCase(Locale.ROOT);
                if (List.of("true", "yes", "1").contains(lower)) {
                    yield Boolean.TRUE;
                }
                if (List.of("false", "no", "0").contains(lower)) {
                    yield Boolean.FALSE;
                }
                throw new InvalidValueException(field, "must be true or false, was '" + text + "'");
            }
            case PICKLIST -> {
                for (String option : options) {
                    if (option.equalsIgnoreCase(text)) {
                        yield option;
                    }
                }
                throw new InvalidValueException(field, "must be one of " + options + ", was '" + text + "'");
            }
        };
    }
}
