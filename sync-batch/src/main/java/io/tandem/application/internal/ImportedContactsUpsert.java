package io.tandem.application.internal;

import io.tandem.application.ContactInput;
import io.tandem.application.FieldError;
import io.tandem.application.UpsertOptions;
import io.tandem.application.UpsertResult;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.sync.imports.ImportedContacts;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/** The CSV import's rows through the one contact upsert, under the options the import was started with. */
@Dependent
public class ImportedContactsUpsert implements ImportedContacts {

    @Inject
    ContactWriter writer;

    @Override
    public List<Row> upsert(List<Map<String, Object>> rows, Map<String, Object> options) {
        Object sync = options.get("sync");
        UpsertOptions upsert = new UpsertOptions(Boolean.TRUE.equals(options.get("updateOnly")),
                Boolean.TRUE.equals(options.get("dontOverwriteNonEmpty")), sync == null ? null : "now".equals(sync), SystemSource.IMPORT);
        List<UpsertResult> results = writer.upsertAll(rows.stream().map(ContactInput::new).toList(), upsert);
        // written now, not at commit: a clash with the other partition surfaces here, where the job retries it
        writer.flush();
        return results.stream().map(ImportedContactsUpsert::row).toList();
    }

    private static Row row(UpsertResult r) {
        Outcome outcome = switch (r.status()) {
            case UpsertResult.CREATED -> Outcome.CREATED;
            case UpsertResult.UPDATED -> Outcome.UPDATED;
            default -> Outcome.FAILED;
        };
        return new Row(outcome, r.errors().stream().map((FieldError e) -> new Problem(e.field(), e.message())).toList());
    }
}
