package io.tandem.sync.imports;

import java.util.Map;

/** A row mapped to contact fields (Tandem name → cell text), still carrying its row number for error reports. */
public record ImportItem(int row, Map<String, Object> values) {
}
