/**
 * Opportunities (§7), read-only in Tandem: Salesforce's Opportunities and OpportunityContactRoles as the
 * poll last read them, shown on the contacts of the opportunity's Account and on the contacts it names.
 */
package io.tandem.domain.model.opportunity;
