package io.tandem.domain.model.sync;

import io.tandem.domain.model.contact.SystemSource;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One local change waiting to reach Salesforce: what kind of record, which one, which fields, when and
 * from where. Enqueued in the transaction of the change itself, so the change and its entry exist
 * together or not at all; the queue's own counter keeps entries in the order the changes were made.
 *
 * @param kind     the kind of record, which says which part of the drain sends it
 * @param fields   the names of the fields that changed (Tandem names, e.g. {@code firstName}, {@code custom.region})
 */
public record OutboxEntry(RecordType kind, long recordId, Operation operation, Set<String> fields, SystemSource source,
                          Instant createdAt) {

    /** What the change did to the record. */
    public enum Operation { UPSERT, DELETE }

    public OutboxEntry {
        fields = Collections.unmodifiableSet(new LinkedHashSet<>(fields));
    }

    /** A contact's change. */
    public static OutboxEntry contact(long contactId, Operation operation, Collection<String> fields, SystemSource source,
                                      Instant at) {
        return new OutboxEntry(RecordType.CONTACT, contactId, operation, new LinkedHashSet<>(fields), source, at);
    }
}
