package io.tandem.sync.inbound;

import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignMember;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.campaign.CampaignType;
import io.tandem.domain.model.campaign.MemberStatus;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.service.SalesforceRecord;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.tandem.sync.inbound.InboundPage.text;

/**
 * Campaign and CampaignMember changes the poll read (§6), in the caller's transaction. A linked campaign
 * renamed or deactivated there shows so on the Tandem campaign. A member of a linked campaign
 * whose Lead or Contact is linked to a contact comes in with its status, unless Tandem changed that member
 * later (the later change wins); one removed there goes here. Nothing is queued outbound (no echo). A member
 * of another campaign, of a person Tandem does not hold, or in a status the campaign's type lacks is
 * skipped with the reason.
 */
@Dependent
public class CampaignMemberChanges {

    @Inject
    CampaignRepository campaigns;
    @Inject
    ContactRepository contacts;

    public List<RecordOutcome> apply(List<SalesforceRecord> records) {
        return apply(records, new ArrayList<>());
    }

    /**
     * As {@link #apply(List)}, and gathers in {@code tandemLater} the members Tandem changed after Salesforce
     * did: the poll finds them queued already; the first sync of a link queues them.
     */
    public List<RecordOutcome> apply(List<SalesforceRecord> records, List<CampaignMember> tandemLater) {
        Map<String, Optional<Campaign>> campaignsById = new HashMap<>();
        Map<Long, CampaignType> types = new HashMap<>();
        Set<String> people = new LinkedHashSet<>();
        for (SalesforceRecord r : records) {
            addIfPresent(people, text(r, "LeadId"));
            addIfPresent(people, text(r, "ContactId"));
        }
        Map<String, Contact> bySalesforceId = new HashMap<>();
        contacts.findBySalesforceIds(people).forEach(c -> bySalesforceId.put(c.salesforce().id().value(), c));
        List<Campaign> campaignOf = new ArrayList<>(records.size());
        List<Contact> contactOf = new ArrayList<>(records.size());
        Map<Long, Set<Long>> wanted = new HashMap<>();
        for (SalesforceRecord r : records) {
            String campaignId = text(r, "CampaignId");
            Campaign campaign = campaignId == null ? null
                    : campaignsById.computeIfAbsent(campaignId, id -> campaigns.findBySalesforceId(id)).orElse(null);
            // a Lead converted keeps its member row, now also with the Contact: the Contact's link counts
            Contact contact = Optional.ofNullable(text(r, "ContactId")).map(bySalesforceId::get)
                    .orElseGet(() -> Optional.ofNullable(text(r, "LeadId")).map(bySalesforceId::get).orElse(null));
            campaignOf.add(campaign);
            contactOf.add(contact);
            if (campaign != null && contact != null) {
                wanted.computeIfAbsent(campaign.id(), c -> new LinkedHashSet<>()).add(contact.id());
            }
        }
        // the page's members, one query a campaign (a page holds one campaign's changes, or a few)
        Map<Long, Map<Long, CampaignMember>> members = new HashMap<>();
        wanted.forEach((campaign, ids) -> members.put(campaign, new HashMap<>(campaigns.members(campaign, ids))));
        List<RecordOutcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            SalesforceRecord r = records.get(i);
            Campaign campaign = campaignOf.get(i);
            Contact contact = contactOf.get(i);
            if (campaign == null) {
                outcomes.add(RecordOutcome.skipped(r.id(), null, "a member of a campaign no Tandem campaign is linked to"));
                continue;
            }
            if (contact == null) {
                outcomes.add(RecordOutcome.skipped(r.id(), null, "its Lead or Contact is not linked to a Tandem contact"));
                continue;
            }
            Map<Long, CampaignMember> ofCampaign = members.get(campaign.id());
            CampaignMember member = ofCampaign.get(contact.id());
            if (r.deleted()) {
                outcomes.add(removed(r, campaign, contact, member, ofCampaign));
                continue;
            }
            CampaignType type = types.computeIfAbsent(campaign.typeId(), id -> campaigns.type(id).orElseThrow());
            String label = text(r, "Status");
            MemberStatus status = type.statuses().find(label).orElse(null);
            if (status == null) {
                outcomes.add(RecordOutcome.skipped(r.id(), contact.id(), "the campaign's type has no member status \"" + label + "\""));
                continue;
            }
            if (member == null) {
                member = new CampaignMember(campaign.id(), contact.id(), status, r.lastModifiedDate());
                member.linkTo(r.id());
                campaigns.add(member);
                ofCampaign.put(contact.id(), member);
                outcomes.add(outcome(r, contact, Outcome.CREATED, "added to campaign " + campaign.id() + " as " + status.label()));
            } else if (member.updatedAt().isAfter(r.lastModifiedDate())) {
                // Tandem's change is later (also a removal on its way out): Salesforce's older state does not undo it
                member.linkTo(r.id());
                tandemLater.add(member);
                outcomes.add(outcome(r, contact, Outcome.UNCHANGED, member.isRemoved() ? "removed later in Tandem; the removal goes to Salesforce"
                        : "changed later in Tandem; Tandem's status stands"));
            } else {
                member.linkTo(r.id());
                boolean moved = member.changeStatus(status, r.lastModifiedDate());
                outcomes.add(outcome(r, contact, moved ? Outcome.UPDATED : Outcome.UNCHANGED, moved ? "status " + status.label() : "same status"));
            }
        }
        return outcomes;
    }

    /** Campaigns renamed, deactivated or deleted in Salesforce: shown on the campaign linked to each (its own name stays). */
    public List<RecordOutcome> campaigns(List<SalesforceRecord> records) {
        List<RecordOutcome> outcomes = new ArrayList<>(records.size());
        for (SalesforceRecord r : records) {
            Campaign c = campaigns.findBySalesforceId(r.id()).orElse(null);
            if (c == null) {
                outcomes.add(RecordOutcome.skipped(r.id(), null, "no Tandem campaign is linked to it"));
            } else if (r.deleted()) {
                c.seenInSalesforce(c.salesforceName(), false);
                outcomes.add(new RecordOutcome(r.id(), null, null, Outcome.UPDATED, "deleted in Salesforce: campaign " + c.id()
                        + " shows it inactive", Map.of()));
            } else {
                String name = text(r, "Name");
                boolean active = InboundPage.isTrue(r.fields().get("IsActive"));
                boolean same = java.util.Objects.equals(name, c.salesforceName()) && Boolean.valueOf(active).equals(c.salesforceActive());
                c.seenInSalesforce(name, active);
                outcomes.add(new RecordOutcome(r.id(), null, null, same ? Outcome.UNCHANGED : Outcome.UPDATED, same ? "as shown"
                        : "campaign " + c.id() + " shows it as \"" + name + "\", " + (active ? "active" : "inactive"), Map.of()));
            }
        }
        return outcomes;
    }

    private RecordOutcome removed(SalesforceRecord r, Campaign campaign, Contact contact, CampaignMember member,
                                  Map<Long, CampaignMember> ofCampaign) {
        if (member == null || member.isRemoved()) {
            return outcome(r, contact, Outcome.UNCHANGED, "not a member here");
        }
        if (member.updatedAt().isAfter(r.lastModifiedDate())) {
            return outcome(r, contact, Outcome.UNCHANGED, "changed later in Tandem; the member stays and goes back to Salesforce");
        }
        campaigns.remove(member);
        ofCampaign.remove(contact.id());
        return outcome(r, contact, Outcome.DELETED, "removed from campaign " + campaign.id() + " in Salesforce");
    }

    private static RecordOutcome outcome(SalesforceRecord r, Contact contact, Outcome outcome, String reason) {
        return new RecordOutcome(r.id(), contact.id(), null, outcome, reason, Map.of());
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
