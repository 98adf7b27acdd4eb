package io.tandem.sync.inbound;

import io.tandem.domain.model.contact.ExistingKeys;
import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceObjects;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The import's first step: how many records each object still has to give (one COUNT() call each), the
 * total the progress is measured against, and what each step's reader decides REST or Bulk on; and the keys
 * the database holds, where it holds fewer keyed rows than the import brings ({@link KeysMet}).
 */
@Named
@Dependent
public class SalesforceImportCount extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(SalesforceImportCount.class.getName());

    /**
     * What the steps of this execution read: records stamped before {@code settledBefore}, and how many there are;
     * the keys met so far, where the import keeps count of them ({@link KeysMet}, else null).
     */
    record Plan(Instant settledBefore, Map<String, Long> counts, KeysMet keysMet) {
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
    ApiLimits limits;
    @Inject
    ExistingKeys existingKeys;

    @Override
    public String process() {
        SalesforceGateway gateway = access.gateway().orElseThrow(() -> new IllegalStateException("no Salesforce connection is configured"));
        Map<String, Long> counts = new HashMap<>();
        long remaining = 0;
        var watermarks = state.watermarks();
        Instant settled = InboundPoller.settledNow();
        var current = settings.current();
        ImportWaits.stopIfPaused(job, limits.pausedReason(gateway, current));
        for (String object : SalesforceObjects.INBOUND_ORDER) {
            long n;
            try {
                n = current.reads(object) ? gateway.count(object, watermarks.get(object), settled) : 0;
            } catch (SalesforceFailure f) {
                throw ImportWaits.noted(job, f);
            }
            counts.put(object, n);
            remaining += n;
        }
        var status = state.importStatus();
        state.importTotal(status.done() + remaining);
        long t0 = System.nanoTime();
        KeysMet met = KeysMet.forImport(remaining, existingKeys);
        if (met != null) {
            LOG.info("import of " + remaining + " records: the keys the database holds read in " + (System.nanoTime() - t0) / 1_000_000
                    + " ms; pages look up only the keys met before");
        }
        job.setTransientUserData(new Plan(settled, counts, met));
        return "COUNTED";
    }
}
