package io.tandem.sync.system;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Logger;

/** Writes one log line and completes: proof that jobs start, run and are recorded. */
@Named
@Dependent
public class HeartbeatBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(HeartbeatBatchlet.class.getName());

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String message;

    @Override
    public String process() {
        LOG.info(() -> "Heartbeat job " + job.getExecutionId() + ": " + message);
        return "COMPLETED";
    }
}
