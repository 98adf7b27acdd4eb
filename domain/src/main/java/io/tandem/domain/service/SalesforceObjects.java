package io.tandem.domain.service;

import java.util.List;

/** The Salesforce objects the sync reads and writes, by their API names. */
public final class SalesforceObjects {

    public static final String ACCOUNT = "Account";
    public static final String CONTACT = "Contact";
    public static final String LEAD = "Lead";
    public static final String CAMPAIGN = "Campaign";
    public static final String CAMPAIGN_MEMBER = "CampaignMember";
    public static final String OPPORTUNITY = "Opportunity";
    public static final String OPPORTUNITY_CONTACT_ROLE = "OpportunityContactRole";
    /**
     * The order of every poll and of the initial import: companies first, then the people in them, then the
     * opportunities of the companies and the roles people have in them (read-only).
     */
    public static final List<String> INBOUND_ORDER = List.of(ACCOUNT, CONTACT, LEAD, OPPORTUNITY, OPPORTUNITY_CONTACT_ROLE);

    private SalesforceObjects() {
    }
}
