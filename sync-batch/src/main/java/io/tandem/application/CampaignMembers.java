package io.tandem.application;

import io.tandem.application.internal.ContactRefs;
import io.tandem.application.internal.WorkflowTriggers;
import io.tandem.domain.model.workflow.Trigger;
import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignMember;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.campaign.CampaignType;
import io.tandem.domain.model.campaign.MemberStatus;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A campaign's members (§6): added by contact id or email with a status of the campaign's type, moved,
 * removed, listed. Changes to the members of a linked campaign go to Salesforce through the outbox.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class CampaignMembers {

    /** Members one request adds at most. */
    public static final int MAX_MEMBERS = 1000;

    /** One member to add: by contact id or by email, with a status (the type's default when null). */
    public record MemberInput(Long contactId, String email, String status) {
    }

    /** A contact's membership: the campaign, its status there, when it last changed. */
    public record Membership(long campaignId, String campaign, String status, Instant updatedAt) {
    }

    /** A member as lists show it. */
    public record MemberView(long contactId, String email, String status, Instant updatedAt) {
    }

    /** What adding members did, one result per member asked for, in order. */
    public record Added(int added, int updated, int failed, List<AddResult> results) {
    }

    /** One member's result: {@code added}, {@code updated}, {@code unchanged}, or {@code failed} with the field and why. */
    public record AddResult(Long contactId, String email, String outcome, String field, String error) {
    }

    @Inject
    CampaignRepository campaigns;
    @Inject
    WorkflowTriggers triggers;
    @Inject
    ContactRepository contacts;
    @Inject
    Outbox outbox;
    @Inject
    SyncSettingsRepository settings;

    /** Adds contacts (by id or email) to a campaign, or moves members to the status given. */
    @RolesAllowed(Roles.OPERATOR)
    public Added addMembers(long campaignId, List<MemberInput> members) {
        Added added = add(campaignId, members);
        triggers.fire(added.results().stream().filter(r -> "added".equals(r.outcome()))
                .map(r -> new WorkflowTriggers.Fired(r.contactId(), Trigger.Change.addedTo(campaignId))).toList());
        return added;
    }

    /**
     * As {@link #addMembers}, for a Salesforce action or a workflow step: they checked the role of who asked
     * for them when they were asked for, and may run later in a job or in the drain, where no caller is.
     * Fires no workflow (what workflows do sets none off).
     */
    @PermitAll
    public Added addOnBehalf(long campaignId, List<MemberInput> members) {
        return add(campaignId, members);
    }

    private Added add(long campaignId, List<MemberInput> members) {
        Campaign c = require(campaignId);
        if (members == null || members.isEmpty()) {
            throw new InvalidRequestException("members", "name at least one member");
        }
        if (members.size() > MAX_MEMBERS) {
            throw new TooLargeException("members", "at most " + MAX_MEMBERS + " members at once");
        }
        CampaignType type = type(c.typeId());
        ContactRefs refs = ContactRefs.read(contacts, members.stream().map(m -> m == null ? null : new ContactRefs.Ref(m.contactId(), m.email())).toList());
        List<Long> found = refs.all().stream().map(Contact::id).toList();
        Map<Long, CampaignMember> existing = new HashMap<>(campaigns.members(campaignId, found));
        Instant now = Instant.now();
        List<AddResult> results = new ArrayList<>();
        List<CampaignMember> changed = new ArrayList<>();
        int added = 0;
        int updated = 0;
        int failed = 0;
        for (MemberInput m : members) {
            Contact contact = m == null ? null : refs.find(new ContactRefs.Ref(m.contactId(), m.email()));
            Long contactId = m == null ? null : m.contactId();
            String email = m == null ? null : m.email();
            if (contact == null) {
                failed++;
                results.add(new AddResult(contactId, email, "failed", contactId != null ? "contactId" : "email",
                        m == null || (contactId == null && email == null) ? "give contactId or email" : "no such contact"));
                continue;
            }
            MemberStatus status = m.status() == null ? type.statuses().defaultStatus() : type.statuses().find(m.status()).orElse(null);
            if (status == null) {
                failed++;
                results.add(new AddResult(contact.id(), contact.email().address(), "failed", "status",
                        "the campaign's type has no status \"" + m.status() + "\" (it has " + labels(type) + ")"));
                continue;
            }
            CampaignMember member = existing.get(contact.id());
            if (member == null) {
                member = new CampaignMember(campaignId, contact.id(), status, now);
                campaigns.add(member);
                existing.put(contact.id(), member);
                changed.add(member);
                added++;
                results.add(new AddResult(contact.id(), contact.email().address(), "added", null, null));
            } else if ((m.status() != null || member.isRemoved()) && member.changeStatus(status, now)) {
                changed.add(member);
                updated++;
                results.add(new AddResult(contact.id(), contact.email().address(), "updated", null, null));
            } else {
                results.add(new AddResult(contact.id(), contact.email().address(), "unchanged", null, null));
            }
        }
        campaigns.flush();
        queue(c, changed, OutboxEntry.Operation.UPSERT, now);
        return new Added(added, updated, failed, results);
    }

    @RolesAllowed(Roles.OPERATOR)
    public MemberView changeMember(long campaignId, long contactId, String status) {
        Campaign c = require(campaignId);
        CampaignMember member = member(campaignId, contactId);
        CampaignType type = type(c.typeId());
        MemberStatus next = type.statuses().find(status).orElseThrow(() -> new InvalidRequestException("status",
                "the campaign's type has no status \"" + status + "\" (it has " + labels(type) + ")"));
        Instant now = Instant.now();
        if (member.changeStatus(next, now)) {
            queue(c, List.of(member), OutboxEntry.Operation.UPSERT, now);
        }
        return memberView(member, contacts.find(contactId).map(ct -> ct.email().address()).orElse(null));
    }

    @RolesAllowed(Roles.OPERATOR)
    public void removeMember(long campaignId, long contactId) {
        Campaign c = require(campaignId);
        CampaignMember member = member(campaignId, contactId);
        if (member.salesforceId() != null && c.isLinked() && settings.current().writes(RecordType.CAMPAIGN_MEMBER)) {
            // kept, marked removed, until the removal has reached Salesforce
            Instant now = Instant.now();
            member.remove(now);
            queue(c, List.of(member), OutboxEntry.Operation.DELETE, now);
        } else {
            campaigns.remove(member);
        }
    }

    /** Member changes of a linked campaign go to Salesforce through the outbox, when members are written there (§2). */
    private void queue(Campaign c, List<CampaignMember> members, OutboxEntry.Operation operation, Instant now) {
        if (members.isEmpty() || !c.isLinked() || !settings.current().writes(RecordType.CAMPAIGN_MEMBER)) {
            return;
        }
        outbox.enqueue(members.stream().map(m -> new OutboxEntry(RecordType.CAMPAIGN_MEMBER, m.id(), operation, Set.of("status"),
                SystemSource.API, now)).toList());
    }

    /** The campaign's members, in the order they were added; only those in {@code status} when given. */
    public Page<MemberView> members(long campaignId, String status, String cursor, Integer limit) {
        require(campaignId);
        int size = Cursors.limit(limit);
        String only = status == null || status.isBlank() ? null : status.trim();
        List<CampaignMember> rows = campaigns.members(campaignId, only, Cursors.read(cursor), size + 1);
        List<CampaignMember> page = rows.subList(0, Math.min(size, rows.size()));
        Map<Long, String> emails = new HashMap<>();
        contacts.findAll(page.stream().map(CampaignMember::contactId).toList()).forEach(ct -> emails.put(ct.id(), ct.email().address()));
        List<MemberView> items = page.stream().map(m -> memberView(m, emails.get(m.contactId()))).toList();
        return new Page<>(items, campaigns.countMembers(campaignId, only), rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null);
    }

    /** The campaigns a contact is a member of, newest change first. */
    public List<Membership> ofContact(long contactId) {
        List<CampaignMember> ms = campaigns.membershipsOf(contactId);
        Map<Long, String> names = new HashMap<>();
        ms.stream().map(CampaignMember::campaignId).distinct().forEach(id -> campaigns.find(id).ifPresent(c -> names.put(id, c.name())));
        return ms.stream().map(m -> new Membership(m.campaignId(), names.get(m.campaignId()), m.status(), m.updatedAt())).toList();
    }

    private CampaignMember member(long campaignId, long contactId) {
        CampaignMember m = campaigns.members(campaignId, List.of(contactId)).get(contactId);
        if (m == null || m.isRemoved()) {
            throw new UnknownRecordException("campaign member", contactId);
        }
        return m;
    }

    private static String labels(CampaignType type) {
        return String.join(", ", type.statuses().all().stream().map(MemberStatus::label).toList());
    }

    private CampaignType type(long id) {
        return campaigns.type(id).orElseThrow(() -> new UnknownRecordException("campaign type", id));
    }

    private Campaign require(long id) {
        return campaigns.find(id).orElseThrow(() -> new UnknownRecordException("campaign", id));
    }

    private static MemberView memberView(CampaignMember m, String email) {
        return new MemberView(m.contactId(), email, m.status(), m.updatedAt());
    }
}
