package io.tandem.application;

import java.time.Instant;
import java.util.Map;

/** A contact as the API shows it, with where each field's last value came from. */
public record ContactDetails(long id, String email, String firstName, String lastName, String phone, String title,
                             String city, String state, String country, Integer leadScore, long companyId,
                             Map<String, Object> customFields, Salesforce salesforce, String trafficSource,
                             String utmSource, String utmMedium, String utmCampaign, String systemSource,
                             Instant createdAt, Instant updatedAt, Map<String, Object> provenance) {

    /** The Salesforce link, or null fields when there is none. */
    public record Salesforce(String id, String type, boolean deleted) {
    }
}
