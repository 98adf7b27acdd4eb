package io.tandem.infrastructure.salesforce;

import io.tandem.domain.service.SalesforceRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page of Bulk results held as one text: every cell read back as the CSV wrote it. */
class BulkRowsTest {

    private static final String CSV = "Id,Email,Description,SystemModstamp,LastModifiedDate,IsDeleted,MasterRecordId\n"
            + "003A,ann@example.com,\"Smith, Ann said \"\"hi\"\"\nand left\",2026-11-30T10:00:00.000+0000,2026-11-30T09:00:00.000Z,false,\n"
            + "003B,,,2026-11-30T10:00:01.000+0000,,true,003A\n"
            + "003C,short@example.com\n";

    @Test
    void cellsComeBackAsWrittenEmptyOnesAsNull() throws IOException {
        BulkRows rows = BulkRows.read(CSV);
        assertEquals(3, rows.size());
        int description = rows.column("Description");
        assertEquals("Smith, Ann said \"hi\"\nand left", rows.cell(0, description));
        assertEquals("003B", rows.cell(1, rows.column("Id")));
        assertNull(rows.cell(1, rows.column("Email")));
        assertNull(rows.cell(1, description));
        assertEquals("003A", rows.cell(1, rows.column("MasterRecordId")));
        assertNull(rows.cell(0, rows.column("MasterRecordId")), "an empty last cell");
    }

    @Test
    void aShortRowOrAColumnNotThereHasNoValue() throws IOException {
        BulkRows rows = BulkRows.read(CSV);
        assertEquals("short@example.com", rows.cell(2, rows.column("Email")));
        assertNull(rows.cell(2, rows.column("Description")));
        assertEquals(-1, rows.column("Phone"));
        assertNull(rows.cell(0, rows.column("Phone")));
    }

    @Test
    void noResultsAtAllAreNoRows() throws IOException {
        assertEquals(0, BulkRows.read("").size());
        assertEquals(0, BulkRows.read("Id,Email\n").size());
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThrows(IOException.class, () -> BulkRows.read("Id,Email\n003A,\"never closed\n"));
    }

    @Test
    void recordsReadFromTheRowsCarryTheirFieldsAndStamps() throws IOException {
        BulkRows rows = BulkRows.read(CSV);
        RowFields.Names fields = new RowFields.Names(List.of("Email", "Description", "Phone", "Email"));
        int[] columns = SalesforceRecords.csvColumns(rows, fields);
        SalesforceRecord first = SalesforceRecords.fromCsv("Contact", rows, 0, fields, columns);
        assertEquals("003A", first.id());
        assertEquals("ann@example.com", first.fields().get("Email"));
        assertTrue(first.fields().containsKey("Phone"));
        assertNull(first.fields().get("Phone"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Email", "ann@example.com");
        expected.put("Description", "Smith, Ann said \"hi\"\nand left");
        expected.put("Phone", null);
        assertEquals(expected, first.fields(), "the fields as a map made for each record had them, each name once, in order");
        assertEquals(expected.hashCode(), first.fields().hashCode());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(first.fields().keySet()));
        assertEquals(expected.toString(), first.fields().toString());
        assertFalse(first.fields().containsKey("Title"));
        assertNull(first.fields().get("Title"));
        assertThrows(UnsupportedOperationException.class, () -> first.fields().put("Title", "CTO"), "a record read cannot change");
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), first.systemModstamp());
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"), first.lastModifiedDate());
        SalesforceRecord second = SalesforceRecords.fromCsv("Contact", rows, 1, fields, columns);
        assertTrue(second.deleted());
        assertEquals("003A", second.masterRecordId());
        assertEquals(3, second.fields().size());
        assertTrue(second.fields().values().stream().allMatch(java.util.Objects::isNull));
    }
}
