package io.tandem.sync.imports;

import io.tandem.infrastructure.csv.CsvReader;
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
 * Streams the stored CSV file row by row, within its partition's range of records (after the header:
 * {@code first} exclusive to {@code last} inclusive). The checkpoint is how many records were consumed,
 * so a restart reads on exactly where the last committed chunk ended.
 */
@Named
@Dependent
public class CsvRowReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    @BatchProperty
    String first;

    @Inject
    @BatchProperty
    String last;

    @Inject
    ImportLedger ledger;

    private long end;

    private CsvReader csv;
    private int headerSize;
    private int consumed;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        ImportJob job = ledger.job(Long.parseLong(importId));
        csv = CsvUpload.read(Path.of(job.storedPath()));
        List<String> header = csv.next();
        headerSize = header == null ? 0 : header.size();
        end = last == null || last.isBlank() ? Long.MAX_VALUE : Long.parseLong(last);
        int start = first == null || first.isBlank() ? 0 : Integer.parseInt(first);
        int skip = checkpoint == null ? start : (Integer) checkpoint;
        while (consumed < skip && csv.next() != null) {
            consumed++;
        }
    }

    @Override
    public Object readItem() throws Exception {
        while (consumed < end) {
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
        return null;
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
