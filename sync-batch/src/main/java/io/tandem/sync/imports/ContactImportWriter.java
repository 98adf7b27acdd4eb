package io.tandem.sync.imports;

import io.tandem.application.ContactInput;
import io.tandem.application.FieldError;
import io.tandem.application.UpsertOptions;
import io.tandem.application.UpsertResult;
import io.tandem.application.internal.ContactWriter;
import io.tandem.application.internal.ImportLedger;
import io.tandem.domain.model.contact.SystemSource;
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
    ContactWriter contacts;

    @Inject
    ImportLedger ledger;

    private long id;
    private UpsertOptions options;
    private Map<String, String> columnOfField;

    @Override
    public void open(java.io.Serializable checkpoint) {
        id = Long.parseLong(importId);
        ImportJob job = ledger.job(id);
        Map<String, Object> o = job.options();
        Object sync = o.get("sync");
        options = new UpsertOptions(Boolean.TRUE.equals(o.get("updateOnly")), Boolean.TRUE.equals(o.get("dontOverwriteNonEmpty")),
                sync == null ? null : "now".equals(sync), SystemSource.IMPORT);
        columnOfField = new HashMap<>();
        job.mapping().forEach((column, field) -> columnOfField.put(field, column));
    }

    @Override
    public void writeItems(List<Object> items) {
        List<ContactInput> inputs = new ArrayList<>(items.size());
        for (Object o : items) {
            inputs.add(((ImportItem) o).input());
        }
        List<UpsertResult> results = contacts.upsertAll(inputs, options);
        // written now, not at commit: a clash with the other partition surfaces here, where the job retries it
        contacts.flush();
        int created = 0;
        int updated = 0;
        int failed = 0;
        for (int i = 0; i < results.size(); i++) {
            UpsertResult r = results.get(i);
            switch (r.status()) {
                case UpsertResult.CREATED -> created++;
                case UpsertResult.UPDATED -> updated++;
                default -> {
                    failed++;
                    int row = ((ImportItem) items.get(i)).row();
                    for (FieldError e : r.errors()) {
                        ledger.rowError(id, row, columnOfField.getOrDefault(e.field(), e.field()), e.field() + " " + e.message());
                    }
                }
            }
        }
        ledger.progress(id, items.size(), created, updated, failed);
    }
}
