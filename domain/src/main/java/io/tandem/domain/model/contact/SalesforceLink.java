package io.tandem.domain.model.contact;

import io.tandem.domain.shared.SalesforceId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

import java.time.Instant;

/**
 * The Salesforce record a contact is linked to: a Lead (00Q) or a Contact (003). Once linked, the
 * link, not the email, finds the record. "Deleted" means it was deleted in Salesforce.
 */
@Embeddable
public class SalesforceLink {

    /** The two kinds of Salesforce record a contact can be. */
    public enum Type { LEAD, CONTACT }

    @Embedded
    private SalesforceId id;

    @Column(name = "sf_type", length = 8)
    private String type;

    @Column(name = "sf_deleted", nullable = false)
    private boolean deleted;

    @Column(name = "sf_modified_at")
    private Instant modifiedAt;

    protected SalesforceLink() {
    }

    public static SalesforceLink to(SalesforceId id) {
        return to(id, null);
    }

    /** A link to a record last modified at the given time (what decides between duplicates by email). */
    public static SalesforceLink to(SalesforceId id, Instant modifiedAt) {
        SalesforceLink link = new SalesforceLink();
        link.id = id;
        link.modifiedAt = modifiedAt;
        link.type = switch (id.keyPrefix()) {
            case "00Q" -> Type.LEAD.name();
            case "003" -> Type.CONTACT.name();
            default -> throw new io.tandem.domain.shared.InvalidValueException("salesforce.id",
                    "a contact links to a Lead (00Q…) or a Contact (003…), not " + id.keyPrefix() + "…");
        };
        return link;
    }

    public static SalesforceLink none() {
        return new SalesforceLink();
    }

    /** No link any more, because Salesforce deleted the record: the contact is not created there again on its own. */
    public static SalesforceLink deleted() {
        SalesforceLink link = new SalesforceLink();
        link.deleted = true;
        return link;
    }

    public boolean isLinked() {
        return id != null && id.value() != null;
    }

    public SalesforceId id() {
        return id;
    }

    public Type type() {
        return type == null ? null : Type.valueOf(type);
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** When the linked record was last modified in Salesforce, as last read; null when not known. */
    public Instant modifiedAt() {
        return modifiedAt;
    }
}
