package io.tandem.interfaces.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the pages write times, ages and counts. */
final class Shown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Shown() {
    }

    static String time(Instant at) {
        return at == null ? "never" : TIME.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    static String count(Number n) {
        return n == null ? "unknown" : String.format(Locale.ROOT, "%,d", n.longValue());
    }

    static String seconds(Long s) {
        if (s == null) {
            return "none waiting";
        }
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }

    static String orNone(String s) {
        return s == null || s.isBlank() ? "none" : s;
    }
}
