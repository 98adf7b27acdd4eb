package io.tandem.sync.imports;

import java.util.List;
import java.util.Map;

/**
 * Where the import job's rows go: the one contact upsert every source shares, which the application
 * layer provides. The job hands it rows and reads back each row's outcome; it never calls up a layer.
 */
public interface ImportedContacts {

    /** What became of a row. */
    enum Outcome { CREATED, UPDATED, FAILED }

    /** Why a field of a row was refused. */
    record Problem(String field, String message) {
    }

    record Row(Outcome outcome, List<Problem> problems) {
    }

    /**
     * Upserts the rows (Tandem field name → cell text, custom fields under {@code customFields}) under the
     * import's options, in the caller's transaction, and writes them at once so a clash surfaces in the
     * caller; answers each row's outcome, in order.
     */
    List<Row> upsert(List<Map<String, Object>> rows, Map<String, Object> options);
}
