package io.tandem.sync.backfill;

import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.sync.Watermark;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.service.SalesforceRecord;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of a backfill at a time, {@value #PAGE} records, in one of two ways the job chose per object:
 * {@code retrieve} pages the contacts linked to the object in id order (the writer reads their field in
 * one retrieve call a page; checkpoint: the last contact id); {@code bulk}, for many linked records, reads
 * the field of every record of the object in one Bulk API query (a few calls, then one per 25,000 records;
 * checkpoint: the last record's watermark), and the writer applies it to the linked ones.
 */
@Named
@Dependent
public class BackfillPageReader extends AbstractItemReader {

    /** Records one sObject Collections retrieve reads, and records per page either way. */
    public static final int PAGE = 2000;

    /** Contact id → Salesforce id, for one page to retrieve. */
    public record LinkedPage(Map<Long, String> ids) implements Serializable {
    }

    /** Records read by a Bulk query, and the calls the query made for them. */
    public record ReadPage(List<SalesforceRecord> records, int calls) implements Serializable {
    }

    @Inject
    @BatchProperty
    String object;
    @Inject
    @BatchProperty
    String field;
    @Inject
    @BatchProperty
    String read;
    @Inject
    ContactRepository contacts;
    @Inject
    FieldBackfills backfills;
    @Inject
    SalesforceOrg org;

    private long after;
    private Watermark readTo;
    private SalesforceGateway gateway;
    private SalesforceGateway.RecordStream stream;
    private long callsBefore;

    @Override
    public void open(Serializable checkpoint) {
        if (!"bulk".equals(read)) {
            after = checkpoint instanceof Long last ? last : 0L;
            return;
        }
        readTo = checkpoint instanceof Watermark w ? w : Watermark.BEGINNING;
        if (backfills.mappedOn(field, object)) {
            gateway = org.gateway().orElseThrow(() -> new IllegalStateException("no Salesforce connection is configured"));
            callsBefore = gateway.callsSent();
            stream = gateway.read(object, List.of(backfills.salesforceName(field, object)), readTo, Instant.now(), true);
        }
    }

    @Override
    public Object readItem() {
        if (!backfills.mappedOn(field, object)) {
            return null; // the field has no Salesforce name on this object: nothing to read there
        }
        return stream == null ? linkedPage() : readPage();
    }

    private LinkedPage linkedPage() {
        Map<Long, String> page = contacts.linked(SalesforceLink.Type.valueOf(object.toUpperCase(Locale.ROOT)), after, PAGE);
        if (page.isEmpty()) {
            return null;
        }
        after = page.keySet().stream().mapToLong(Long::longValue).max().orElse(after);
        return new LinkedPage(Map.copyOf(page));
    }

    private ReadPage readPage() {
        List<SalesforceRecord> records = new ArrayList<>(PAGE);
        while (records.size() < PAGE && stream.hasNext()) {
            records.add(stream.next());
        }
        if (records.isEmpty()) {
            return null;
        }
        SalesforceRecord last = records.get(records.size() - 1);
        readTo = new Watermark(last.systemModstamp(), last.id());
        long now = gateway.callsSent();
        int calls = (int) (now - callsBefore);
        callsBefore = now;
        return new ReadPage(records, calls);
    }

    @Override
    public Serializable checkpointInfo() {
        return stream == null ? after : readTo;
    }

    @Override
    public void close() throws Exception {
        if (stream != null) {
            stream.close();
        }
    }
}
