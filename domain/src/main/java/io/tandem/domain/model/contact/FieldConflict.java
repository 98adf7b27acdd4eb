package io.tandem.domain.model.contact;

import io.tandem.domain.shared.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A true two-way conflict on one field of one contact, as the inbound sync met it: both values, when each
 * side changed it, which one was kept and why; open until an operator keeps that outcome or sends the other
 * value instead.
 */
@Entity
@Table(name = "field_conflicts")
public class FieldConflict {

    /** Which side's value the contact holds after the conflict. */
    public enum Side { TANDEM, SALESFORCE }

    /** How an operator ended it. */
    public enum Resolution { KEPT, OTHER_SENT }

    static final int VALUE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(nullable = false, length = 80)
    private String field;

    @Column(name = "tandem_value", length = VALUE)
    private String tandemValue;

    @Column(name = "tandem_at")
    private Instant tandemAt;

    @Column(name = "sf_value", length = VALUE)
    private String salesforceValue;

    @Column(name = "sf_at", nullable = false)
    private Instant salesforceAt;

    @Column(nullable = false, length = 12)
    private String kept;

    @Column(nullable = false)
    private String reason;

    @Column(name = "detected_at", nullable = false)
    private Instant detectedAt;

    @Column(length = 16)
    private String resolution;

    @Column(name = "resolved_by", length = 100)
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Version
    private int version;

    protected FieldConflict() {
    }

    public FieldConflict(long contactId, Contact.Conflict c, Instant at) {
        this.contactId = contactId;
        this.field = c.field();
        this.tandemValue = text(c.tandemValue());
        this.tandemAt = c.tandemAt();
        this.salesforceValue = text(c.salesforceValue());
        this.salesforceAt = c.salesforceAt();
        this.kept = (c.salesforceKept() ? Side.SALESFORCE : Side.TANDEM).name();
        this.reason = c.reason().length() > 255 ? c.reason().substring(0, 254) + "…" : c.reason();
        this.detectedAt = at;
    }

    /** Ended by an operator; a conflict ends once. */
    public void resolve(Resolution how, String by, Instant at) {
        if (resolvedAt != null) {
            throw new InvalidValueException("id", "conflict " + id + " was resolved already (" + resolution.toLowerCase() + ")");
        }
        resolution = how.name();
        resolvedBy = by;
        resolvedAt = at;
    }

    /** The value the contact does not hold: the one "send the other value" brings. */
    public String otherValue() {
        return kept() == Side.SALESFORCE ? tandemValue : salesforceValue;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.length() > VALUE ? s.substring(0, VALUE - 1) + "…" : s;
    }

    public Long id() {
        return id;
    }

    public long contactId() {
        return contactId;
    }

    public String field() {
        return field;
    }

    public String tandemValue() {
        return tandemValue;
    }

    public Instant tandemAt() {
        return tandemAt;
    }

    public String salesforceValue() {
        return salesforceValue;
    }

    public Instant salesforceAt() {
        return salesforceAt;
    }

    public Side kept() {
        return Side.valueOf(kept);
    }

    public String reason() {
        return reason;
    }

    public Instant detectedAt() {
        return detectedAt;
    }

    public String resolution() {
        return resolution;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
