package io.tandem.sync.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A row the reader skipped (another number of cells than the header) is reported, and counted as failed. */
@Named
@Dependent
public class ImportSkipListener implements SkipReadListener {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportLedger ledger;

    @Override
    public void onSkipReadItem(Exception e) {
        long id = Long.parseLong(importId);
        int row = e instanceof MalformedRowException m ? m.row() : 0;
        ledger.rowError(id, row, null, e.getMessage());
        ledger.progress(id, 1, 0, 0, 1);
    }
}
