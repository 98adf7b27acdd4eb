package io.tandem.domain.model.field;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The sync mode an administrator chose for one Tandem field (§3). A field without one syncs in the
 * default mode, {@link SyncMode#PREFER_SALESFORCE_UNLESS_EMPTY}.
 */
@Entity
@Table(name = "field_mappings")
public class FieldMapping {

    public static final SyncMode DEFAULT_MODE = SyncMode.PREFER_SALESFORCE_UNLESS_EMPTY;

    @Id
    @Column(name = "field", length = 48)
    private String field;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false, length = 32)
    private SyncMode mode;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FieldMapping() {
    }

    public FieldMapping(String field, SyncMode mode, Instant at) {
        this.field = field;
        change(mode, at);
    }

    public void change(SyncMode newMode, Instant at) {
        this.mode = newMode;
        this.updatedAt = at;
    }

    public String field() {
        return field;
    }

    public SyncMode mode() {
        return mode;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
