package io.tandem.emulator.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Salesforce's date-time wire format: {@code 2024-05-02T09:15:27.000+0000}, always UTC. */
public final class SfTime {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter IN = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendPattern("XXX").optionalEnd()
            .optionalStart().appendPattern("XX").optionalEnd()
            .optionalStart().appendPattern("X").optionalEnd()
            .toFormatter();

    private SfTime() {
    }

    public static String format(long epochMillis) {
        return OUT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Parses the forms clients send (Z, +0000, +01:00, with or without fraction); null when not a date-time. */
    public static Long parse(String text) {
        if (text == null || text.length() < 19 || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, IN).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
