package io.tandem.infrastructure.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadDataInsertTest {

    private static String field(Object v) {
        return LoadDataInsert.field(new Object[] {v});
    }

    @Test
    void nullIsTheNullMarkerAndAnEmptyTextStaysEmpty() {
        assertEquals("\\N", field(null));
        assertEquals("", field(""));
    }

    @Test
    void theSeparatorsAndTheEscapeCharacterAreEscapedAndNothingElse() {
        assertEquals("a\\tb\\nc\\rd\\\\e\\0f \"g\" 'h' ✓", field("a\tb\nc\rd\\e\0f \"g\" 'h' ✓"));
        assertEquals("\\\\N", field("\\N"), "a text that reads like the null marker stays a text");
        assertEquals("Zoë Łukasz 東京 😀", field("Zoë Łukasz 東京 😀"), "two-, three- and four-byte characters in UTF-8");
        assertEquals("a?b", field("a\uD83Db"), "an unpaired surrogate becomes ? as String.getBytes makes it");
    }

    @Test
    void booleansNumbersAndInstantsAreWrittenAsMariaDbReadsThem() {
        assertEquals("1", field(true));
        assertEquals("0", field(false));
        assertEquals("42", field(42L));
        for (long n : new long[] {0, 7, 9, 10, 99, 100, 1_000_000_007L, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 999_999_999_999_999_999L,
                1_000_000_000_000_000_000L, Long.MAX_VALUE, -1, -905, Long.MIN_VALUE}) {
            assertEquals(Long.toString(n), field(n), "digits written in place");
        }
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 100_000; i++) {
            long n = random.nextLong() >>> random.nextInt(64);
            assertEquals(Long.toString(n), field(n), "digits written in place");
        }
        assertEquals("12", field(12), "an int");
        assertEquals("1250000.50", field(new BigDecimal("1250000.50")));
        assertEquals("10000000000", field(new BigDecimal("1E+10")));
        Instant at = Instant.parse("2026-11-30T09:07:18.123456Z");
        assertEquals(MultiRowInsert.dateTime(at), field(at));
        Instant later = at.plusNanos(1_000);
        assertEquals(MultiRowInsert.dateTime(at) + MultiRowInsert.dateTime(at) + MultiRowInsert.dateTime(later),
                LoadDataInsert.field(at, java.sql.Timestamp.from(at), later), "the instant before written again, then another");
    }

    @Test
    void aServerOrDriverWithoutLocalInfileIsToldFromAFailedRow() {
        assertTrue(LoadDataInsert.isRefusal(new java.sql.SQLException("The used command is not allowed with this MariaDB version",
                "42000", 1148)));
        assertTrue(LoadDataInsert.isRefusal(new java.sql.SQLException("The used command is not allowed because the MariaDB server or "
                + "client has disabled the local infile capability", "HY000", 4166)));
        assertTrue(LoadDataInsert.isRefusal(new java.sql.SQLException("Usage of LOCAL INFILE is disabled. To use it enable it with "
                + "setting allowLocalInfile=true")));
        assertFalse(LoadDataInsert.isRefusal(new java.sql.SQLException("1 of 2 rows went in: Duplicate entry 'a@x' for key "
                + "'uq_contacts_email'", "23000")));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        LoadDataInsert rows = new LoadDataInsert(null, "contacts", "id", "email");
        assertThrows(IllegalArgumentException.class, () -> rows.add(1L));
    }
}
