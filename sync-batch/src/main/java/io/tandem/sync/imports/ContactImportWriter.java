package io.tandem.sync.imports;

import io.tandem.domain.model.imports.ImportJob;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts a chunk of rows through the one contact upsert, in the chunk's transaction, and records each
 * failed row with its column and reason; the import's counters move in the same transaction.
 */
@Named
@Dependent
public class ContactImportWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    ImportedContacts contacts;

    @Inject
    ImportLedger ledger;

    private long id;
    private Map<String, Object> options;
    private Map<String, String> columnOfField;

    @Override
    public void open(java.io.Serializable checkpoint) {
        id = Long.parseLong(importId);
        ImportJob job = ledger.job(id);
        options = job.options();
        columnOfField = new HashMap<>();
        job.mapping().forEach((column, field) -> columnOfField.put(field, column));
    }

    @Override
    public void writeItems(List<Object> items) {
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        for (Object o : items) {
            rows.add(((ImportItem) o).values());
        }
        List<ImportedContacts.Row> results = contacts.upsert(rows, options);
        int created = 0;
        int updated = 0;
        int failed = 0;
        for (int i = 0; i < results.size(); i++) {
            ImportedContacts.Row r = results.get(i);
            switch (r.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case FAILED -> {
                    failed++;
                    int row = ((ImportItem) items.get(i)).row();
                    for (ImportedContacts.Problem e : r.problems()) {
                        ledger.rowError(id, row, columnOfField.getOrDefault(e.field(), e.field()), e.field() + " " + e.message());
                    }
                }
            }
        }
        ledger.progress(id, items.size(), created, updated, failed);
    }
}
