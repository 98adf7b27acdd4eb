package io.tandem.sync.backfill;

import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.SalesforceLink;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Map;

/**
 * The contacts linked to one Salesforce object, a page of {@value #PAGE} at a time in id order (one
 * retrieve call reads a page); checkpoints the last contact id, so a restart goes on after the last page
 * written.
 */
@Named
@Dependent
public class BackfillPageReader extends AbstractItemReader {

    /** Records one sObject Collections retrieve reads. */
    public static final int PAGE = 2000;

    @Inject
    @BatchProperty
    String object;
    @Inject
    @BatchProperty
    String field;
    @Inject
    ContactRepository contacts;
    @Inject
    FieldBackfills backfills;

    private long after;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint instanceof Long last ? last : 0L;
    }

    @Override
    public Object readItem() {
        if (!backfills.mappedOn(field, object)) {
            return null; // the field has no Salesforce name on this object: nothing to read there
        }
        Map<Long, String> page = contacts.linked(SalesforceLink.Type.valueOf(object.toUpperCase(java.util.Locale.ROOT)), after, PAGE);
        if (page.isEmpty()) {
            return null;
        }
        after = page.keySet().stream().mapToLong(Long::longValue).max().orElse(after);
        return new LinkedPage(Map.copyOf(page));
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }

    /** Contact id → Salesforce id, for one page. */
    public record LinkedPage(Map<Long, String> ids) implements Serializable {
    }
}
