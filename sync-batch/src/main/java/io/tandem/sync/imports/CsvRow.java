package io.tandem.sync.imports;

import java.io.Serializable;
import java.util.List;

/** One data row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells. */
public record CsvRow(int number, List<String> cells) implements Serializable {
}
