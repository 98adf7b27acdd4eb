package io.tandem.sync.backfill;

import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.service.SalesforceRecord;
import io.tandem.sync.outbound.ApiLimits;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the backfilled field of one page of linked records (one retrieve call, within the API limits) and
 * applies it under the field's mode, with no transaction open across the call; a page the Bulk query read
 * is applied as it is. A page stopped by the limits ends the execution with the reason; a restart goes on
 * from the last page written.
 */
@Named
@Dependent
public class BackfillPageWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String object;
    @Inject
    @BatchProperty
    String field;
    @Inject
    SalesforceOrg org;
    @Inject
    ApiLimits limits;
    @Inject
    SyncSettingsRepository settings;
    @Inject
    FieldBackfills backfills;
    @Inject
    JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        SalesforceGateway gateway = org.gateway().orElseThrow(() -> new IllegalStateException("no Salesforce connection is configured"));
        for (Object item : items) {
            if (item instanceof BackfillPageReader.ReadPage read) {
                // read by the Bulk query: every record of the object, applied to the linked ones
                List<String> ids = read.records().stream().map(SalesforceRecord::id).toList();
                backfills.apply(object, field, ids, read.records(), Instant.now(), read.calls(), false);
                continue;
            }
            BackfillPageReader.LinkedPage page = (BackfillPageReader.LinkedPage) item;
            String paused = limits.pausedReason(gateway, settings.current());
            if (paused != null) {
                job.setExitStatus("STOPPED: paused at the API limit: " + paused + "; restart the job to go on");
                throw new IllegalStateException("the backfill pauses at the API limit: " + paused);
            }
            Instant started = Instant.now();
            List<String> ids = new ArrayList<>(page.ids().values());
            long before = gateway.callsSent();
            List<SalesforceRecord> records = gateway.retrieve(object, ids, List.of(backfills.salesforceName(field, object)));
            int calls = (int) (gateway.callsSent() - before);
            backfills.apply(object, field, ids, records, started, calls, true);
        }
    }
}
