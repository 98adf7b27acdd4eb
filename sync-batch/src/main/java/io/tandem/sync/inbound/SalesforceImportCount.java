package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The import's first step: how many records each object still has to give (one COUNT() call each), the
 * total the progress is measured against, and what each step's reader decides REST or Bulk on.
 */
@Named
@Dependent
public class SalesforceImportCount extends AbstractBatchlet {

    /** What the steps of this execution read: records stamped before {@code settledBefore}, and how many there are. */
    record Plan(Instant settledBefore, Map<String, Long> counts) {
    }

    @Inject
    JobContext job;
    @Inject
    SalesforceOrg access;
    @Inject
    InboundState state;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    io.tandem.sync.outbound.ApiLimits limits;

    @Override
    public String process() {
        SalesforceGateway gateway = access.gateway().orElseThrow(() -> new IllegalStateException("no Salesforce connection is configured"));
        Map<String, Long> counts = new HashMap<>();
        long remaining = 0;
        var watermarks = state.watermarks();
        Instant settled = InboundPoller.settledNow();
        var current = settings.current();
        String paused = limits.pausedReason(gateway, current);
        if (paused != null) {
            job.setExitStatus(ImportWaits.WAIT + "paused at the API limit: " + paused);
            throw new IllegalStateException("the import pauses at the API limit: " + paused);
        }
        for (String object : SalesforceObjects.INBOUND_ORDER) {
            long n;
            try {
                n = current.reads(object) ? gateway.count(object, watermarks.get(object), settled) : 0;
            } catch (SalesforceFailure f) {
                job.setExitStatus(ImportWaits.exitStatus(f));
                throw f;
            }
            counts.put(object, n);
            remaining += n;
        }
        var status = state.importStatus();
        state.importTotal(status.done() + remaining);
        job.setTransientUserData(new Plan(settled, counts));
        return "COUNTED";
    }
}
