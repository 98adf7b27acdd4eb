package io.tandem.application.internal;

import io.tandem.application.CampaignMembers;
import io.tandem.domain.model.action.ActionKind;
import io.tandem.domain.model.action.ActionRepository;
import io.tandem.domain.model.action.ActionTarget;
import io.tandem.domain.model.action.SalesforceAction;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contacts made targets of an action, in the caller's transaction (a request naming ids, or a page of the
 * {@code salesforce-push} job, whose chunk commits it with its checkpoint): each target queued for the drain as an {@code ACTION}
 * entry, in order with the contact's other changes. An add to a Tandem campaign is the campaign's own
 * business: its members are added (or moved to the status) there, and go to Salesforce with the campaign's
 * other members; the targets end at once with what the campaign did.
 */
@Stateless
public class ActionTargets {

    @Inject
    ActionRepository actions;
    @Inject
    Outbox outbox;
    @Inject
    CampaignMembers members;

    /** Makes the contacts targets of the action; answers how many were new to it. */
    public int target(SalesforceAction action, List<Long> contactIds) {
        Instant now = Instant.now();
        List<ActionTarget> added = actions.addTargets(action.id(), contactIds, now);
        if (added.isEmpty()) {
            return 0;
        }
        Long campaign = action.kind() == ActionKind.CAMPAIGN ? action.parameters().number("campaignId") : null;
        if (campaign != null) {
            addToCampaign(campaign, action.parameters().text("status"), added, now);
            return added.size();
        }
        outbox.enqueue(added.stream().map(t -> new OutboxEntry(RecordType.ACTION, t.id(), OutboxEntry.Operation.UPSERT, Set.of(action.kind().code()),
                action.source(), now)).toList());
        return added.size();
    }

    private void addToCampaign(long campaignId, String status, List<ActionTarget> added, Instant now) {
        List<CampaignMembers.MemberInput> asked = new ArrayList<>();
        added.forEach(t -> asked.add(new CampaignMembers.MemberInput(t.contactId(), null, status)));
        Map<Long, ActionTarget> byContact = new HashMap<>();
        added.forEach(t -> byContact.put(t.contactId(), t));
        for (int from = 0; from < asked.size(); from += CampaignMembers.MAX_MEMBERS) {
            CampaignMembers.Added result = members.addOnBehalf(campaignId, asked.subList(from, Math.min(asked.size(), from + CampaignMembers.MAX_MEMBERS)));
            for (CampaignMembers.AddResult r : result.results()) {
                ActionTarget t = byContact.get(r.contactId());
                if (t == null) {
                    continue;
                }
                if ("failed".equals(r.outcome())) {
                    t.failed("INVALID_" + String.valueOf(r.field()).toUpperCase(java.util.Locale.ROOT), r.error(), now);
                } else {
                    t.done(null, r.outcome() + " in campaign " + campaignId + "; it goes to Salesforce with the campaign's members", now);
                }
            }
        }
    }
}
