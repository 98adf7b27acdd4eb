package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.InboundState;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.tandem.domain.service.ClusterLocks;

/**
 * Keeps the import's row in step with its job: running, then completed, failed (and why) or stopped.
 * The job holds the import's lock while it runs; an execution that finds it taken (another instance runs
 * the import) fails at once and leaves the row to the one running.
 */
@Named
@Dependent
public class SalesforceImportListener implements JobListener {

    @Inject
    JobContext job;
    @Inject
    InboundState state;
    @Inject
    ImportLock lock;

    private ClusterLocks.Held holder;

    @Override
    public void beforeJob() {
        holder = lock.acquire().orElseThrow(() -> new IllegalStateException(
                "another Tandem instance is running the initial import; this execution ends"));
        state.importRunning(job.getExecutionId());
    }

    @Override
    public void afterJob() {
        if (holder == null) {
            return;
        }
        try {
            BatchStatus status = job.getBatchStatus();
            String exit = job.getExitStatus();
            if (status == BatchStatus.FAILED && exit != null && exit.startsWith(ImportWaits.WAIT)) {
                state.importEnded(ImportWaits.WAITING, exit.substring(ImportWaits.WAIT.length()) + "; the import goes on by itself "
                        + "from its last committed record once it can");
            } else if (status == BatchStatus.FAILED) {
                String cause = exit == null || exit.equals("FAILED") ? "an error; see the server log"
                        : exit.startsWith(ImportWaits.FAILED) ? exit.substring(ImportWaits.FAILED.length()) : exit;
                state.importEnded("FAILED", "stopped by " + cause + ". POST /api/sync/import resumes after the last committed record");
            } else if (status == BatchStatus.STOPPING || status == BatchStatus.STOPPED) {
                state.importEnded("STOPPED", "stopped on request; POST /api/sync/import resumes after the last committed record");
            } else {
                state.importCompleted();
            }
        } finally {
            holder.close();
            holder = null;
        }
    }
}
