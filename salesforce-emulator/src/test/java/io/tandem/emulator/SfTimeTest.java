package io.tandem.emulator;

import io.tandem.emulator.org.SfTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SfTimeTest {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

    @Test
    void aTimestampIsWrittenAsSalesforceWritesItToTheMillisecond() {
        for (String at : new String[] {"2026-11-30T09:07:18.123Z", "2024-02-29T23:59:59.999Z", "1999-01-01T00:00:00Z",
                "1960-06-15T12:30:45.007Z", "1970-01-01T00:00:00.001Z"}) {
            long millis = Instant.parse(at).toEpochMilli();
            assertEquals(WIRE.format(Instant.ofEpochMilli(millis)), SfTime.format(millis), at);
        }
        assertEquals("2026-11-30T09:07:18.123+0000", SfTime.format(Instant.parse("2026-11-30T09:07:18.123Z").toEpochMilli()));
    }
}
