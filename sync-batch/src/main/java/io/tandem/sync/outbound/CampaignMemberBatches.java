package io.tandem.sync.outbound;

import io.tandem.domain.model.campaign.CampaignMember;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.RecordOutcome;
import io.tandem.domain.model.sync.SyncLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of campaign members in one transaction, after its calls: each member made there keeps its
 * CampaignMember id, each removal that reached Salesforce lets the removed member go, the batch is logged
 * and its entries end as their plans say.
 */
@Stateless
public class CampaignMemberBatches {

    @Inject
    CampaignRepository campaigns;
    @Inject
    SyncLog log;
    @Inject
    Outbox outbox;

    public Map<Long, CampaignMember> load(List<Long> memberIds) {
        Map<Long, CampaignMember> found = new HashMap<>();
        campaigns.findMembers(memberIds).forEach(m -> found.put(m.id(), m));
        return found;
    }

    /** Members that were not tried, back in the queue until {@code until}, no attempt counted; nothing is logged of them. */
    public void hold(List<ItemPlan> plans, Instant until, String code, String why) {
        outbox.holdUntil(plans.stream().flatMap(p -> p.entryIds.stream()).toList(), until, code, why);
    }

    public void complete(Instant startedAt, int apiCalls, List<ItemPlan> plans) {
        Map<Long, CampaignMember> members = load(plans.stream().map(p -> p.recordId).toList());
        List<RecordOutcome> outcomes = new ArrayList<>(plans.size());
        for (ItemPlan p : plans) {
            CampaignMember m = members.get(p.recordId);
            if (m != null && p.ending == ContactPlan.Ending.SENT) {
                if (p.removed && m.isRemoved()) {
                    campaigns.remove(m);
                } else if (p.salesforceId != null && !p.salesforceId.equals(m.salesforceId())) {
                    m.linkTo(p.salesforceId);
                }
            }
            outcomes.add(p.toOutcome());
        }
        ItemPlan.logAndEnd(log, outbox, "CampaignMember", startedAt, apiCalls, plans, outcomes);
    }
}
