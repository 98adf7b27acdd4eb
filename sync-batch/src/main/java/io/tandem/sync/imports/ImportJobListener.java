package io.tandem.sync.imports;

import io.tandem.domain.model.imports.ImportJob;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.nio.file.Path;

/** Keeps the import's status in step with its job: running, then completed, failed or stopped. */
@Named
@Dependent
public class ImportJobListener implements JobListener {

    @Inject
    @BatchProperty
    String importId;

    @Inject
    JobContext job;

    @Inject
    ImportLedger ledger;

    @Override
    public void beforeJob() {
        ledger.running(Long.parseLong(importId), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        ImportJob.Status end = status == BatchStatus.FAILED ? ImportJob.Status.FAILED
                : status == BatchStatus.STOPPING || status == BatchStatus.STOPPED ? ImportJob.Status.STOPPED
                : ImportJob.Status.COMPLETED;
        ledger.finished(Long.parseLong(importId), end);
        if (end == ImportJob.Status.COMPLETED) {
            // nothing restarts a completed import: its upload (personal data) goes now
            CsvUpload.discard(Path.of(ledger.job(Long.parseLong(importId)).storedPath()));
        }
    }
}
