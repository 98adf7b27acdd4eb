package io.tandem.sync.imports;

import io.tandem.application.ContactInput;

/** A row mapped to a contact input, still carrying its row number for error reports. */
public record ImportItem(int row, ContactInput input) {
}
