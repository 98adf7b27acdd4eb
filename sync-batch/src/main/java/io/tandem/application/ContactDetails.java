package io.tandem.application;

import java.time.Instant;
import java.util.Map;

/** A contact as the API shows it, with where each field's last value came from. */
public record ContactDetails(long id, String email, String firstName, String lastName, String phone, String title,
                             String city, String state, String country, Integer leadScore, long companyId,
                             Map<String, Object> customFields, Salesforce salesforce, String trafficSource,
                             String utmSource, String utmMedium, String utmCampaign, String systemSource,
                             Instant createdAt, Instant updatedAt, Map<String, Object> provenance,
                             java.util.List<OpportunityView> opportunities) {

    /**
     * An opportunity of the contact's Account, or one naming the contact in a role (read-only, as Salesforce
     * last had it): shown on one contact ({@code GET /api/contacts/{id}}); null in lists.
     */
    public record OpportunityView(String id, String name, String stage, java.math.BigDecimal amount, java.time.LocalDate closeDate,
                                  boolean closed, boolean won, String role) {
    }

    /** The same contact with its opportunities. */
    public ContactDetails withOpportunities(java.util.List<OpportunityView> list) {
        return new ContactDetails(id, email, firstName, lastName, phone, title, city, state, country, leadScore, companyId, customFields,
                salesforce, trafficSource, utmSource, utmMedium, utmCampaign, systemSource, createdAt, updatedAt, provenance, list);
    }

    /** The Salesforce link, or null fields when there is none. */
    public record Salesforce(String id, String type, boolean deleted) {
    }
}
