package io.tandem.sync.inbound;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Keeps the import's row in step with its job: running, then completed, failed (and why) or stopped. */
@Named
@Dependent
public class SalesforceImportListener implements JobListener {

    @Inject
    JobContext job;
    @Inject
    InboundState state;

    @Override
    public void beforeJob() {
        state.importResumed(job.getExecutionId());
    }

    @Override
    public void afterJob() {
        BatchStatus status = job.getBatchStatus();
        if (status == BatchStatus.FAILED) {
            state.importEnded("FAILED", "stopped by an error (" + job.getExitStatus() + "); see the server log and the "
                    + "sync log; POST /api/sync/import resumes after the last committed record");
        } else if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
            state.importEnded("STOPPED", "stopped on request; POST /api/sync/import resumes after the last committed record");
        } else {
            state.importCompleted();
        }
    }
}
