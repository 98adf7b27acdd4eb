package io.tandem.domain.model.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Salesforce OpportunityContactRole as last read: a Contact's role in an opportunity. */
@Entity
@Table(name = "opportunity_roles")
public class OpportunityRole {

    @Id
    @Column(name = "sf_id", length = 18)
    private String id;

    @Column(name = "opportunity_sf_id", nullable = false, length = 18)
    private String opportunityId;

    @Column(name = "contact_sf_id", nullable = false, length = 18)
    private String contactId;

    private String role;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected OpportunityRole() {
    }

    public OpportunityRole(String id) {
        this.id = id;
    }

    public void seen(String opportunityId, String contactId, String role, boolean primary) {
        this.opportunityId = opportunityId;
        this.contactId = contactId;
        this.role = role;
        this.primary = primary;
    }

    public String id() {
        return id;
    }

    public String opportunityId() {
        return opportunityId;
    }

    public String contactId() {
        return contactId;
    }

    public String role() {
        return role;
    }

    public boolean isPrimary() {
        return primary;
    }
}
