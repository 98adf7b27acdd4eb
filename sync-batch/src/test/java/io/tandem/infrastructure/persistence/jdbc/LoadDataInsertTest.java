package io.tandem.infrastructure.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadDataInsertTest {

    private static String field(Object v) {
        StringBuilder out = new StringBuilder();
        LoadDataInsert.field(out, v);
        return out.toString();
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
    }

    @Test
    void booleansNumbersAndInstantsAreWrittenAsMariaDbReadsThem() {
        assertEquals("1", field(true));
        assertEquals("0", field(false));
        assertEquals("42", field(42L));
        assertEquals("1250000.50", field(new BigDecimal("1250000.50")));
        assertEquals("10000000000", field(new BigDecimal("1E+10")));
        Instant at = Instant.parse("2026-11-30T09:07:18.123456Z");
        assertEquals(MultiRowInsert.dateTime(at), field(at));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        LoadDataInsert rows = new LoadDataInsert(null, "contacts", "id", "email");
        assertThrows(IllegalArgumentException.class, () -> rows.add(1L));
    }
}
