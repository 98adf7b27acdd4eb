package io.tandem.sync.imports;

import io.tandem.infrastructure.csv.CsvReader;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a row's cells to contact fields by the import's column mapping. An empty cell leaves its field
 * as it is: a spreadsheet's blank means "not given", not "clear it".
 */
@Named
@Dependent
public class ImportRowProcessor implements ItemProcessor {

    private static final String CUSTOM = "customFields.";

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportLedger ledger;

    private List<Integer> columns;
    private List<String> fields;

    @Override
    public Object processItem(Object item) throws Exception {
        if (columns == null) {
            load();
        }
        CsvRow row = (CsvRow) item;
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String cell = row.cells().get(columns.get(i));
            if (cell.isBlank()) {
                continue;
            }
            String field = fields.get(i);
            if (field.startsWith(CUSTOM)) {
                custom.put(field.substring(CUSTOM.length()), cell);
            } else {
                values.put(field, cell);
            }
        }
        if (!custom.isEmpty()) {
            values.put("customFields", custom);
        }
        return new ImportItem(row.number(), values);
    }

    private void load() throws Exception {
        var job = ledger.job(Long.parseLong(importId));
        List<String> header;
        try (CsvReader csv = CsvUpload.read(Path.of(job.storedPath()))) {
            header = csv.next().stream().map(String::trim).toList();
        }
        columns = new ArrayList<>();
        fields = new ArrayList<>();
        job.mapping().forEach((column, field) -> {
            columns.add(header.indexOf(column));
            fields.add(field);
        });
    }
}
