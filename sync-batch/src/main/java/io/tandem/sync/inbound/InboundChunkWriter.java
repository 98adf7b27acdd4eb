package io.tandem.sync.inbound;

import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceRecord;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Applies a chunk of the import in the chunk's transaction, with its watermark, log entry and progress. */
@Named
@Dependent
public class InboundChunkWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String object;
    @Inject
    StepContext step;
    @Inject
    InboundBatches batches;

    private Instant since = Instant.now();

    @Override
    public void writeItems(List<Object> items) {
        List<SalesforceRecord> records = new ArrayList<>(items.size());
        for (Object item : items) {
            records.add((SalesforceRecord) item);
        }
        SalesforceRecord last = records.get(records.size() - 1);
        int calls = step.getTransientUserData() instanceof SalesforceRecordReader.Calls c ? c.take() : 0;
        batches.apply(object, records, new Watermark(last.systemModstamp(), last.id()), "import", since, calls);
        since = Instant.now();
    }
}
