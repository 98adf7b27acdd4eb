package io.tandem.infrastructure.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4180 as uploads and Bulk API results write it, including the awkward corners. */
class CsvReaderTest {

    private static List<List<String>> read(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            List<String> r;
            while ((r = csv.next()) != null) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void plainRecordsEndedByLfOrCrlfOrTheEndOfTheFile() throws IOException {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")), read("a,b\nc,d\r\ne,f"));
    }

    @Test
    void aTrailingLineBreakMakesNoEmptyRecord() throws IOException {
        assertEquals(List.of(List.of("a", "b")), read("a,b\r\n"));
    }

    @Test
    void emptyCellsStayEmptyStringsNotNulls() throws IOException {
        assertEquals(List.of(List.of("", "", "")), read(",,\n"));
        assertEquals(List.of(List.of("a", "")), read("a,\n"));
    }

    @Test
    void quotedCellsHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        assertEquals(List.of(List.of("Smith, Ann", "say \"hi\"", "two\nlines", "crlf\r\nkept")),
                read("\"Smith, Ann\",\"say \"\"hi\"\"\",\"two\nlines\",\"crlf\r\nkept\"\n"));
    }

    @Test
    void anEmptyQuotedCellIsEmpty() throws IOException {
        assertEquals(List.of(List.of("", "x")), read("\"\",x\n"));
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsKeptAsText() throws IOException {
        assertEquals(List.of(List.of("5\" disk", "O'Brien")), read("5\" disk,O'Brien\n"));
    }

    @Test
    void textAfterAClosingQuoteJoinsTheCell() throws IOException {
        assertEquals(List.of(List.of("ab c")), read("\"ab\" c\n"));
    }

    @Test
    void unicodeBeyondTheBmpSurvives() throws IOException {
        assertEquals(List.of(List.of("Zoë", "🚀 launch", "日本")), read("Zoë,🚀 launch,日本\n"));
    }

    @Test
    void cellsLongerThanTheReadAheadBlockComeWholeQuotedOrNot() throws IOException {
        String plain = "p".repeat(150_000);
        String quoted = "q,\"\n".repeat(50_000);
        String text = plain + ",\"" + quoted.replace("\"", "\"\"") + "\",x\r\n" + "y," + plain + "\n";
        assertEquals(List.of(List.of(plain, quoted, "x"), List.of("y", plain)), read(text));
    }

    @Test
    void aCellLeftOpenIsAnErrorNotASilentMerge() {
        IOException e = assertThrows(IOException.class, () -> read("email,name\n\"ann@acme.example,Ann\nbob@acme.example,Bob\n"));
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    }

    @Test
    void recordsAreCountedAsTheyAreRead() throws IOException {
        try (CsvReader csv = new CsvReader(new StringReader("a\nb\nc\n"))) {
            csv.next();
            csv.next();
            assertEquals(2, csv.records());
            csv.next();
            assertNull(csv.next());
            assertEquals(3, csv.records());
        }
    }

    @Test
    void recordsReadIntoOneTextEndToEndWithTheirCellsAsTheListsHaveThem() throws IOException {
        String text = "a,\"b,\"\"c\"\"\"\r\n,\n\"two\nlines\",🚀\n";
        StringBuilder all = new StringBuilder();
        CellEnds ends = new CellEnds(1);
        List<Integer> recordEnds = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            while (csv.nextInto(all, ends)) {
                recordEnds.add(ends.size());
            }
            assertEquals(3, csv.records());
        }
        List<List<String>> cells = new ArrayList<>();
        int cell = 0;
        for (int end : recordEnds) {
            List<String> record = new ArrayList<>();
            for (; cell < end; cell++) {
                record.add(all.substring(cell == 0 ? 0 : ends.get(cell - 1), ends.get(cell)));
            }
            cells.add(record);
        }
        assertEquals(read(text), cells);
        assertEquals(List.of(List.of("a", "b,\"c\""), List.of("", ""), List.of("two\nlines", "🚀")), cells);
    }

    @Test
    void aCellOverItsCapIsAnErrorInOneTextToo() {
        IOException e = assertThrows(IOException.class, () -> {
            try (CsvReader csv = new CsvReader(new StringReader("ok,\"" + "x".repeat(20) + "\"\n"), 10, 100)) {
                csv.nextInto(new StringBuilder("earlier records' text"), new CellEnds(4));
            }
        });
        assertTrue(e.getMessage().contains("longer than 10"), e.getMessage());
    }

    @Test
    void blankLinesAreRecognised() {
        assertTrue(CsvReader.isBlank(List.of("", "  ", "\t")));
        assertFalse(CsvReader.isBlank(List.of("", "x")));
    }
}
