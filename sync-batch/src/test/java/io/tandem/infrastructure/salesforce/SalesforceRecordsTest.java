package io.tandem.infrastructure.salesforce;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SalesforceRecordsTest {

    @Test
    void salesforcesTimestampsReadAsTheGeneralParserReadsThem() {
        for (String z : new String[] {"2026-11-30T09:07:18.000Z", "2024-02-29T23:59:59.999Z", "1999-01-01T00:00:00Z",
                "2026-03-29T01:30:00.5Z", "2026-11-30T09:07:18.123456789Z"}) {
            Instant expected = Instant.parse(z);
            assertEquals(expected, SalesforceRecords.utc(z), z);
            assertEquals(expected, SalesforceRecords.time(z.substring(0, z.length() - 1) + "+0000"), z + " as +0000");
        }
    }

    @Test
    void anotherShapeIsLeftToTheGeneralParser() {
        assertNull(SalesforceRecords.utc("2026-11-30T09:07:18.000+0100"));
        assertNull(SalesforceRecords.utc("2026-11-30 09:07:18Z"));
        assertNull(SalesforceRecords.utc("2026-02-30T09:07:18Z"), "no 30 February");
        assertNull(SalesforceRecords.utc("2026-11-30T09:07:18.Z"));
        assertEquals(Instant.parse("2026-11-30T08:07:18Z"), SalesforceRecords.time("2026-11-30T09:07:18.000+0100"));
    }
}
