package io.tandem.domain.model.field;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One Tandem field mapped to Salesforce (§3): its Salesforce API name on Lead, on Contact (a contact's
 * field) or on Account (a company's field), and the mode it syncs in. One Salesforce name on Lead and
 * Contact is one Tandem field, whichever record a contact is linked to.
 */
@Entity
@Table(name = "field_mappings")
public class FieldMapping {

    public static final SyncMode DEFAULT_MODE = SyncMode.PREFER_SALESFORCE_UNLESS_EMPTY;

    @Id
    @Column(name = "field", length = 48)
    private String field;

    @Column(name = "lead_field", length = 80)
    private String leadField;

    @Column(name = "contact_field", length = 80)
    private String contactField;

    @Column(name = "account_field", length = 80)
    private String accountField;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false, length = 32)
    private SyncMode mode;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FieldMapping() {
    }

    public FieldMapping(String field, String leadField, String contactField, String accountField, SyncMode mode, Instant at) {
        this.field = field;
        change(leadField, contactField, accountField, mode, at);
    }

    public void change(String lead, String contact, String account, SyncMode newMode, Instant at) {
        this.leadField = lead;
        this.contactField = contact;
        this.accountField = account;
        this.mode = newMode;
        this.updatedAt = at;
    }

    public String field() {
        return field;
    }

    public String leadField() {
        return leadField;
    }

    public String contactField() {
        return contactField;
    }

    public String accountField() {
        return accountField;
    }

    public SyncMode mode() {
        return mode;
    }

    /** Whether Tandem's values go out under this mode (so the Salesforce field must take writes). */
    public boolean sendsValues() {
        return mode.sendsValues();
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
