package io.tandem.domain.model.sync;

import io.tandem.domain.model.contact.SystemSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One local change waiting to reach Salesforce: which record, which fields, when and from where.
 * Written in the transaction of the change itself, so the change and its entry exist together or not at all.
 * The id comes from the table's own counter: its order is the order the changes were made in.
 */
@Entity
@Table(name = "outbox")
@NamedQuery(name = OutboxEntry.PENDING_COUNT, query = "SELECT COUNT(o) FROM OutboxEntry o WHERE o.status = 'PENDING'")
@NamedQuery(name = OutboxEntry.OLDEST_PENDING, query = "SELECT MIN(o.createdAt) FROM OutboxEntry o WHERE o.status = 'PENDING'")
@NamedQuery(name = OutboxEntry.PENDING, query = "SELECT o FROM OutboxEntry o WHERE o.status = 'PENDING' ORDER BY o.id")
public class OutboxEntry {

    public static final String PENDING_COUNT = "OutboxEntry.pendingCount";
    public static final String OLDEST_PENDING = "OutboxEntry.oldestPending";
    public static final String PENDING = "OutboxEntry.pending";

    /** What the change did to the record. */
    public enum Operation { UPSERT, DELETE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", nullable = false, length = 16)
    private RecordType recordType;

    @Column(name = "record_id", nullable = false)
    private long recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Operation operation;

    @Column(nullable = false, length = 2000)
    private String fields;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SystemSource source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 12)
    private String status;

    protected OutboxEntry() {
    }

    public OutboxEntry(RecordType type, long recordId, Operation operation, Collection<String> fields, SystemSource source, Instant at) {
        this.recordType = type;
        this.recordId = recordId;
        this.operation = operation;
        String joined = String.join(",", fields);
        this.fields = joined.length() > 2000 ? joined.substring(0, joined.lastIndexOf(',', 1999)) + ",…" : joined;
        this.source = source;
        this.createdAt = at;
        this.status = "PENDING";
    }

    public Long id() {
        return id;
    }

    public RecordType recordType() {
        return recordType;
    }

    public long recordId() {
        return recordId;
    }

    public Operation operation() {
        return operation;
    }

    public List<String> fields() {
        return fields.isEmpty() ? List.of() : Arrays.asList(fields.split(","));
    }

    public SystemSource source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String status() {
        return status;
    }
}
