package io.tandem.domain.model.campaign;

/**
 * One member status of a campaign type, as Salesforce's CampaignMemberStatus has it: a label, whether it is
 * the status new members get, and whether a member in it counts as having responded.
 */
public record MemberStatus(String label, boolean isDefault, boolean responded) {
}
