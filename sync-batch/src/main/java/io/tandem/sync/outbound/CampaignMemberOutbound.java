package io.tandem.sync.outbound;

import io.tandem.domain.model.campaign.Campaign;
import io.tandem.domain.model.campaign.CampaignLockPauses;
import io.tandem.domain.model.campaign.CampaignMember;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.SalesforceLink;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordOutcome.Outcome;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.service.ClusterLocks;
import io.tandem.domain.service.RecordWrite;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.sync.outbound.ContactPlan.Ending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Campaign members to their Salesforce campaigns (§6), after the contacts in a claim: per campaign, its
 * member statuses read once (one call), then up to 200 members a call: created (a Lead's or a Contact's,
 * whichever the contact is linked to), moved to another status, or removed, as each member stands now. A
 * member of a contact not linked yet waits for the link; a status the Salesforce campaign lacks parks that
 * member as failed with the reason, and the rest of the batch goes on. Members of one campaign go in their
 * order, one call after the other, and only from one instance at a time (a cluster lock per campaign: an
 * instance that finds it held leaves that campaign's members for a few seconds).
 *
 * <p>When Salesforce cannot lock the campaign ({@value #LOCKED}, for the call or for members in it: someone
 * else is writing its members), the campaign pauses for every instance ({@link CampaignLockPauses}, the
 * pause doubling with each refusal in a row): the refused members and all the campaign's members not sent
 * yet go back to the queue until then, in their order and with no attempt counted, while other campaigns
 * go on; the first write that goes through ends the pause.
 */
@ApplicationScoped
public class CampaignMemberOutbound implements OutboundKind {

    /** Salesforce's answer when it cannot lock a record: for members, their parent Campaign. */
    static final String LOCKED = "UNABLE_TO_LOCK_ROW";
    private static final Duration BUSY_WAIT = Duration.ofSeconds(5);

    @Inject
    CampaignMemberBatches members;
    @Inject
    CampaignRepository campaigns;
    @Inject
    ClusterLocks locks;
    @Inject
    CampaignLockPauses pauses;

    @Override
    public RecordType kind() {
        return RecordType.CAMPAIGN_MEMBER;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public int send(DrainRound round, List<Outbox.Claimed> entries) {
        Map<Long, ItemPlan> plans = ItemPlan.of(entries);
        Map<Long, CampaignMember> found = members.load(List.copyOf(plans.keySet()));
        Map<Long, Contact> contacts = new HashMap<>();
        round.batches.load(found.values().stream().map(CampaignMember::contactId).distinct().toList()).contacts().forEach(contacts::put);
        Map<Long, List<ItemPlan>> byCampaign = new LinkedHashMap<>();
        List<ItemPlan> ended = new ArrayList<>();
        for (ItemPlan p : plans.values()) {
            CampaignMember m = found.get(p.recordId);
            if (m == null) {
                ended.add(p.end(Ending.SKIPPED, Outcome.SKIPPED, "no longer a member here"));
                continue;
            }
            p.contactId = m.contactId();
            p.salesforceId = m.salesforceId();
            p.removed = m.isRemoved();
            byCampaign.computeIfAbsent(m.campaignId(), c -> new ArrayList<>()).add(p);
        }
        int sent = 0;
        for (Map.Entry<Long, List<ItemPlan>> e : byCampaign.entrySet()) {
            Campaign campaign = campaigns.find(e.getKey()).orElse(null);
            if (campaign == null || !campaign.isLinked()) {
                e.getValue().forEach(p -> ended.add(p.end(Ending.SKIPPED, Outcome.SKIPPED, "the campaign is not linked to Salesforce")));
                continue;
            }
            sent += inTurn(round, campaign, e.getValue(), found, contacts);
        }
        if (!ended.isEmpty()) {
            members.complete(Instant.now(), 0, ended);
            round.ended(0, ended.stream().flatMap(p -> p.entryIds.stream()).toList());
        }
        return sent;
    }

    /** The campaign's members, sent when no lock pause holds the campaign and no other instance is writing it. */
    private int inTurn(DrainRound round, Campaign campaign, List<ItemPlan> plans, Map<Long, CampaignMember> found,
                       Map<Long, Contact> contacts) {
        Instant now = Instant.now();
        Optional<Instant> paused = pauses.pausedUntil(campaign.id(), now);
        if (paused.isPresent()) {
            holdBack(round, plans, paused.get(), LOCKED, "Salesforce campaign " + campaign.salesforce().value()
                    + " was locked; its members wait until " + paused.get());
            return 0;
        }
        Optional<ClusterLocks.Held> turn = locks.acquire("tandem.campaign-members." + campaign.id(), Duration.ZERO);
        if (turn.isEmpty()) {
            holdBack(round, plans, now.plus(BUSY_WAIT), "CAMPAIGN_BUSY", "another Tandem instance is writing this campaign's members");
            return 0;
        }
        try (ClusterLocks.Held held = turn.get()) {
            return sendCampaign(round, campaign, plans, found, contacts);
        }
    }

    private void holdBack(DrainRound round, List<ItemPlan> plans, Instant until, String code, String why) {
        members.hold(plans, until, code, why);
        round.ended(0, plans.stream().flatMap(p -> p.entryIds.stream()).toList());
    }

    private int sendCampaign(DrainRound round, Campaign campaign, List<ItemPlan> plans, Map<Long, CampaignMember> found,
                             Map<Long, Contact> contacts) {
        String campaignId = campaign.salesforce().value();
        int sent = 0;
        boolean refusedBefore = true; // until a write shows otherwise, a pause may have been counted
        for (int from = 0; from < plans.size(); from += DrainRound.CALL) {
            round.beforeCall();
            List<ItemPlan> part = plans.subList(from, Math.min(plans.size(), from + DrainRound.CALL));
            Instant started = Instant.now();
            long before = round.gateway.callsSent();
            // read only when a member is to be created or moved: waiting members and removals need none
            Map<String, String> statuses = new HashMap<>();
            List<ItemPlan> creating = new ArrayList<>();
            List<ItemPlan> updating = new ArrayList<>();
            List<ItemPlan> deleting = new ArrayList<>();
            for (ItemPlan p : part) {
                CampaignMember m = found.get(p.recordId);
                Contact c = contacts.get(p.contactId);
                if (p.removed) {
                    if (p.salesforceId == null) {
                        p.end(Ending.SENT, Outcome.DELETED, "removed; it had not reached Salesforce");
                    } else {
                        deleting.add(p);
                    }
                } else if (c == null || !c.salesforce().isLinked()) {
                    p.errorCode = "CONTACT_NOT_LINKED";
                    p.end(Ending.RETRY, Outcome.SKIPPED, "waits for its contact to be linked to a Lead or Contact (the contact goes first)");
                } else if (!statuses(round, campaignId, statuses).containsKey(m.status().toLowerCase(Locale.ROOT))) {
                    p.errorCode = "STATUS_NOT_IN_CAMPAIGN";
                    p.end(Ending.FAILED, Outcome.FAILED, "the Salesforce campaign has no member status \"" + m.status() + "\" (it has "
                            + String.join(", ", round.campaignStatusLabels(campaignId)) + ")");
                } else if (p.salesforceId == null) {
                    creating.add(p);
                } else {
                    updating.add(p);
                }
            }
            Function<ItemPlan, String> status = p -> statuses.get(found.get(p.recordId).status().toLowerCase(Locale.ROOT));
            String lockMessage = null;
            try {
                sent += create(round, campaignId, creating, contacts, status);
                sent += ItemPlan.write(round, updating, p -> RecordWrite.update("CampaignMember", p.salesforceId, Map.of("Status", status.apply(p))),
                        Outcome.UPDATED, "status sent");
                sent += delete(round, deleting);
            } catch (SalesforceFailure refused) {
                if (!LOCKED.equals(refused.errorCode())) {
                    throw refused;
                }
                lockMessage = refused.getMessage(); // the whole call: whatever it held was not written
            }
            List<ItemPlan> locked = new ArrayList<>();
            for (List<ItemPlan> tried : List.of(creating, updating, deleting)) {
                for (ItemPlan p : tried) {
                    if (LOCKED.equals(p.errorCode) || (lockMessage != null && p.ending != Ending.SENT)) {
                        locked.add(p);
                    }
                }
            }
            if (!locked.isEmpty()) {
                Instant until = pauses.refused(campaign.id(), Instant.now());
                String message = lockMessage != null ? lockMessage : String.valueOf(locked.get(0).detail.get("error"));
                locked.forEach(p -> p.lockRefused(message.replaceFirst("^" + LOCKED + ": ", ""), until));
                members.complete(started, round.callsSince(before), part);
                round.ended(round.callsSince(before), part.stream().flatMap(p -> p.entryIds.stream()).toList());
                List<ItemPlan> rest = plans.subList(from + part.size(), plans.size());
                if (!rest.isEmpty()) {
                    holdBack(round, rest, until, LOCKED, "Salesforce campaign " + campaignId + " was locked; its members wait until " + until);
                }
                return sent;
            }
            if (refusedBefore && (!creating.isEmpty() || !updating.isEmpty() || !deleting.isEmpty())) {
                pauses.wrote(campaign.id());
                refusedBefore = false;
            }
            members.complete(started, round.callsSince(before), part);
            round.ended(round.callsSince(before), part.stream().flatMap(p -> p.entryIds.stream()).toList());
        }
        return sent;
    }

    private static int delete(DrainRound round, List<ItemPlan> deleting) {
        if (deleting.isEmpty()) {
            return 0;
        }
        int sent = 0;
        List<SalesforceGateway.SaveResult> results = round.gateway.delete(deleting.stream().map(p -> p.salesforceId).toList());
        for (int i = 0; i < deleting.size(); i++) {
            ItemPlan p = deleting.get(i);
            SalesforceGateway.SaveResult r = results.get(i);
            if (r.success() || "ENTITY_IS_DELETED".equals(r.errorCode()) || "NOT_FOUND".equals(r.errorCode())) {
                p.removed = true;
                p.end(Ending.SENT, Outcome.DELETED, "removed from the Salesforce campaign");
                sent++;
            } else {
                p.failed(r.errorCode(), r.message(), r.transientError());
            }
        }
        return sent;
    }

    /**
     * New members: a Lead's or a Contact's, in the status given (none: the campaign's default). One already there (Salesforce answers DUPLICATE_VALUE "Already a
     * campaign member.") is found (one call) and given the status instead.
     */
    static int create(DrainRound round, String campaignId, List<ItemPlan> creating, Map<Long, Contact> contacts,
                      Function<ItemPlan, String> status) {
        Map<ItemPlan, String> who = new HashMap<>();
        int sent = ItemPlan.write(round, creating, p -> {
            SalesforceLink link = contacts.get(p.contactId).salesforce();
            who.put(p, link.id().value());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("CampaignId", campaignId);
            fields.put(link.type() == SalesforceLink.Type.LEAD ? "LeadId" : "ContactId", link.id().value());
            if (status.apply(p) != null) {
                fields.put("Status", status.apply(p)); // none: the campaign's default status
            }
            return RecordWrite.create("CampaignMember", fields);
        }, Outcome.CREATED, "added to the Salesforce campaign");
        List<ItemPlan> there = creating.stream().filter(p -> "DUPLICATE_VALUE".equals(p.errorCode)).toList();
        if (there.isEmpty()) {
            return sent;
        }
        Map<String, String> ids = round.gateway.campaignMembers(campaignId, there.stream().map(who::get).toList());
        List<ItemPlan> updating = new ArrayList<>();
        for (ItemPlan p : there) {
            p.salesforceId = ids.get(who.get(p));
            p.detail.remove("error");
            p.errorCode = null;
            if (p.salesforceId != null && status.apply(p) == null) {
                p.end(Ending.SENT, Outcome.UNCHANGED, "a member there already; its status stays");
            } else if (p.salesforceId != null) {
                updating.add(p);
            } else {
                p.end(Ending.FAILED, Outcome.FAILED, "Salesforce says it is a member already, yet it is not found");
            }
        }
        return sent + ItemPlan.write(round, updating, p -> RecordWrite.update("CampaignMember", p.salesforceId, Map.of("Status", status.apply(p))),
                Outcome.UPDATED, "a member there already: status sent");
    }

    static Map<String, String> statuses(DrainRound round, String campaignId, Map<String, String> statuses) {
        if (statuses.isEmpty()) {
            round.campaignStatusLabels(campaignId).forEach(l -> statuses.put(l.toLowerCase(Locale.ROOT), l));
        }
        return statuses;
    }
}
