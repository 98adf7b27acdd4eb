package io.tandem.infrastructure.salesforce;

import io.tandem.infrastructure.csv.CellEnds;
import io.tandem.infrastructure.csv.CsvReader;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of Bulk API CSV results, read ahead of the records it makes: every cell's text in one builder
 * and where each ends, so that 25,000 rows waiting their turn are a few large objects, not half a million
 * strings that every young collection copies while they wait (an import reads one page ahead of the one it
 * applies). A cell becomes a string only when its record is taken.
 */
final class BulkRows {

    private final Map<String, Integer> columns;
    private final StringBuilder text;
    private final CellEnds ends;
    /** Each row's first cell, as an index into {@link #ends}; one more at the end: the cells' count. */
    private final int[] firstCells;
    private final int size;

    private BulkRows(Map<String, Integer> columns, StringBuilder text, CellEnds ends, int[] firstCells, int size) {
        this.columns = columns;
        this.text = text;
        this.ends = ends;
        this.firstCells = firstCells;
        this.size = size;
    }

    static final BulkRows NONE = new BulkRows(Map.of(), new StringBuilder(), new CellEnds(0), new int[1], 0);

    /** The rows of a CSV text whose first record names the columns. */
    static BulkRows read(String csv) throws IOException {
        Map<String, Integer> columns = new HashMap<>();
        StringBuilder text = new StringBuilder(csv.length());
        CellEnds ends = new CellEnds(1024);
        int[] firstCells = new int[1024];
        int size = 0;
        try (CsvReader reader = new CsvReader(new StringReader(csv))) {
            List<String> names = reader.next();
            if (names == null) {
                return NONE;
            }
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i), i);
            }
            while (true) {
                if (size + 1 == firstCells.length) {
                    firstCells = Arrays.copyOf(firstCells, 2 * firstCells.length);
                }
                firstCells[size] = ends.size();
                if (!reader.nextInto(text, ends)) {
                    break;
                }
                size++;
            }
        }
        text.trimToSize();
        return new BulkRows(columns, text, ends, firstCells, size);
    }

    int size() {
        return size;
    }

    /** The index of a named column, or -1. */
    int column(String name) {
        Integer i = columns.get(name);
        return i == null ? -1 : i;
    }

    /** A row's cell in a column ({@link #column}), null when empty or the row is short of it. */
    String cell(int row, int column) {
        int index = firstCells[row] + column;
        if (column < 0 || index >= firstCells[row + 1]) {
            return null;
        }
        int from = index == 0 ? 0 : ends.get(index - 1);
        int to = ends.get(index);
        return from == to ? null : text.substring(from, to);
    }
}
