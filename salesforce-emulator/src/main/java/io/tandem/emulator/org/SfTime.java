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

    /** Written digit by digit for years 0 to 9999 (every record of a Bulk result carries several); the formatter beyond. */
    public static String format(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return OUT.format(Instant.ofEpochMilli(epochMillis));
        }
        char[] text = "0000-00-00T00:00:00.000+0000".toCharArray();
        digits(text, 0, t.getYear(), 4);
        digits(text, 5, t.getMonthValue(), 2);
        digits(text, 8, t.getDayOfMonth(), 2);
        digits(text, 11, t.getHour(), 2);
        digits(text, 14, t.getMinute(), 2);
        digits(text, 17, t.getSecond(), 2);
        digits(text, 20, (int) Math.floorMod(epochMillis, 1000L), 3);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
