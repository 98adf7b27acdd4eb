package io.tandem.domain.model.imports;

import java.util.List;
import java.util.Optional;

/** Imports and their row errors. */
public interface ImportRepository {

    void add(ImportJob job);

    Optional<ImportJob> find(long id);

    void addError(ImportError error);

    List<ImportError> errors(long importId, int limit);

    /** Failed and stopped imports (restartable, so their uploads were kept) that ended before this time. */
    List<ImportJob> endedUnfinishedBefore(java.time.Instant before);

    /** Adds to the counters of a running import in one statement, so chunks never overwrite each other. */
    void progress(long importId, int rows, int created, int updated, int failed);
}
