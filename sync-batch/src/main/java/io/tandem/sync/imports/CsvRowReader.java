package io.tandem.sync.imports;

import io.tandem.application.internal.CsvUpload;
import io.tandem.application.internal.ImportLedger;
import io.tandem.domain.model.imports.ImportJob;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the stored CSV file row by row. The checkpoint is how many records after the header were
 * consumed, so a restart reads on exactly where the last committed chunk ended.
 */
@Named
@Dependent
public class CsvRowReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportLedger ledger;

    private CsvReader csv;
    private int headerSize;
    private int consumed;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        ImportJob job = ledger.job(Long.parseLong(importId));
        csv = new CsvReader(CsvUpload.open(Path.of(job.storedPath())));
        List<String> header = csv.next();
        headerSize = header == null ? 0 : header.size();
        int skip = checkpoint == null ? 0 : (Integer) checkpoint;
        while (consumed < skip && csv.next() != null) {
            consumed++;
        }
    }

    @Override
    public Object readItem() throws Exception {
        while (true) {
            List<String> cells = csv.next();
            if (cells == null) {
                return null;
            }
            consumed++;
            int row = consumed + 1;
            if (CsvReader.isBlank(cells)) {
                continue;
            }
            if (cells.size() != headerSize) {
                throw new MalformedRowException(row, "has " + cells.size() + " cells where the header has " + headerSize);
            }
            return new CsvRow(row, cells);
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return consumed;
    }

    @Override
    public void close() throws Exception {
        if (csv != null) {
            csv.close();
        }
    }
}
