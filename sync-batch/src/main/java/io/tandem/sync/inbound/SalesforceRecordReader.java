package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.InboundState;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.domain.service.SalesforceOrg;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Map;

/**
 * Reads one object's records for the import, after the watermark last committed (the database's, not
 * the batch checkpoint's: they commit together, and the database survives a lost job repository too).
 * The API calls it makes are counted for the writer's log entry.
 */
@Named
@Dependent
public class SalesforceRecordReader extends AbstractItemReader {

    /** API calls made since the writer last took them. */
    static final class Calls {
        private long taken;
        private final SalesforceGateway gateway;

        Calls(SalesforceGateway gateway) {
            this.gateway = gateway;
            this.taken = gateway.callsSent();
        }

        int take() {
            long now = gateway.callsSent();
            int n = (int) (now - taken);
            taken = now;
            return n;
        }
    }

    @Inject
    SalesforceFieldNames fieldNames;
    @Inject
    @BatchProperty
    String object;
    @Inject
    @BatchProperty
    String bulkThreshold;
    @Inject
    JobContext job;
    @Inject
    StepContext step;
    @Inject
    SalesforceOrg access;
    @Inject
    InboundState state;
    @Inject
    SyncSettingsRepository settings;

    private SalesforceGateway.RecordStream stream;
    private Watermark last;

    @Override
    public void open(Serializable checkpoint) {
        try {
            openStream();
        } catch (SalesforceFailure f) {
            throw ImportWaits.noted(job, f);
        }
    }

    private void openStream() {
        SalesforceGateway gateway = access.gateway().orElseThrow(() -> new IllegalStateException("no Salesforce connection is configured"));
        step.setTransientUserData(new Calls(gateway));
        if (!settings.current().reads(object)) {
            // §2: an object synced no way inbound is not read; turned on later, the poll reads it from its start
            stream = SalesforceGateway.RecordStream.EMPTY;
            return;
        }
        last = state.watermark(object);
        SalesforceImportCount.Plan plan = job.getTransientUserData() instanceof SalesforceImportCount.Plan p ? p
                : new SalesforceImportCount.Plan(InboundPoller.settledNow(), Map.of(), null);
        Long counted = plan.counts().get(object);
        long remaining = counted != null ? counted : gateway.count(object, last, plan.settledBefore());
        stream = gateway.read(object, fieldNames.selected(object), last, plan.settledBefore(),
                remaining > Long.parseLong(bulkThreshold));
    }

    @Override
    public Object readItem() {
        SalesforceRecord r;
        try {
            if (!stream.hasNext()) {
                return null;
            }
            r = stream.next();
        } catch (SalesforceFailure f) {
            throw ImportWaits.noted(job, f);
        }
        last = new Watermark(r.systemModstamp(), r.id());
        return r;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
