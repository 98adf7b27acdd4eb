package io.tandem.infrastructure.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MultiRowInsertTest {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Test
    void anInstantIsWrittenAsDatetimeTextInTheJvmsZoneToTheMicrosecond() {
        for (String at : new String[] {"2026-11-30T09:07:18.123456789Z", "1999-01-02T03:04:05Z", "2024-02-29T23:59:59.000001Z",
                "2026-03-29T01:30:00Z", "2000-02-29T12:00:00Z", "2100-03-01T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z"}) {
            Instant instant = Instant.parse(at);
            String expected = LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).format(DATETIME);
            assertEquals(expected, MultiRowInsert.dateTime(instant), at);
        }
    }

    @Test
    void theArithmeticAgreesWithTheJavaCalendarOverFourHundredYears() {
        java.util.Random random = new java.util.Random(5);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();
        for (int n = 0; n < 200_000; n++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000));
            assertEquals(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).format(DATETIME), MultiRowInsert.dateTime(instant),
                    instant.toString());
        }
    }

    @Test
    void microsecondsArePaddedAndNanosecondsCutNotRounded() {
        Instant instant = Instant.parse("2026-01-01T00:00:00.000042999Z");
        assertEquals("000042", MultiRowInsert.dateTime(instant).substring(20));
    }
}
