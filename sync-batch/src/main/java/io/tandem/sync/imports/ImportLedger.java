package io.tandem.sync.imports;

import io.tandem.domain.model.imports.ImportError;
import io.tandem.domain.model.imports.ImportJob;
import io.tandem.domain.model.imports.ImportRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * What the import job records about itself: its status, its progress and its row errors. Called from
 * batch artifacts; joins the chunk's transaction when there is one, so counts and rows commit together.
 */
@Stateless
public class ImportLedger {

    @Inject
    ImportRepository imports;

    /** Stores a new import and commits at once, so its job, on another thread, finds it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long create(ImportJob job) {
        imports.add(job);
        return job.id();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void running(long id, long executionId) {
        job(id).started(executionId);
    }

    public ImportJob job(long id) {
        return imports.find(id).orElseThrow(() -> new IllegalStateException("import " + id + " is gone"));
    }

    public void finished(long id, ImportJob.Status status) {
        job(id).finished(status, Instant.now());
    }

    public void rowError(long id, int row, String column, String message) {
        imports.addError(new ImportError(id, row, column, message));
    }

    public void progress(long id, int rows, int created, int updated, int failed) {
        imports.progress(id, rows, created, updated, failed);
    }
}
