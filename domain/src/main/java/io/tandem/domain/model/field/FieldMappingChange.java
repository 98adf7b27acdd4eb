package io.tandem.domain.model.field;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change to a field mapping, as it was made and by whom: kept after the mapping itself is removed. */
@Entity
@Table(name = "field_mapping_changes")
public class FieldMappingChange {

    public enum Action { ADDED, CHANGED, REMOVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "field", nullable = false, length = 48)
    private String field;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 8)
    private Action action;

    @Column(name = "lead_field", length = 80)
    private String leadField;

    @Column(name = "contact_field", length = 80)
    private String contactField;

    @Column(name = "account_field", length = 80)
    private String accountField;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", length = 32)
    private SyncMode mode;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected FieldMappingChange() {
    }

    public FieldMappingChange(FieldMapping mapping, Action action, String by, Instant at) {
        this.field = mapping.field();
        this.action = action;
        this.leadField = mapping.leadField();
        this.contactField = mapping.contactField();
        this.accountField = mapping.accountField();
        this.mode = mapping.mode();
        this.changedBy = by;
        this.changedAt = at;
    }

    public String field() {
        return field;
    }

    public Action action() {
        return action;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
